using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Core.Files;
using Sessions.Web.Infrastructure.Files;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Accreditation;

[Route("accreditation")]
public sealed class AccreditationController(IStringLocalizer<Text> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private bool IsSecretariat => User.IsInRole(Roles.Secretariat);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] MyAccreditations.Handler handler) =>
        View(await handler.HandleAsync(UserId));

    [HttpGet("apply")]
    public async Task<IActionResult> Apply(int? organisationId, bool tooLarge, [FromServices] ApplyForAccreditation.Handler handler)
    {
        var command = new ApplyForAccreditation.Command { OrganisationId = organisationId };
        if (!await handler.PrepareAsync(command, UserId))
        {
            return NotFound();
        }

        if (tooLarge)
        {
            ModelState.AddModelError("", t["The documents are too large: each must be at most 10 MB."]);
        }

        return View(command);
    }

    [HttpPost("apply")]
    [RequestSizeLimit(ApplyForAccreditation.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ApplyForAccreditation.MaxRequestBytes)]
    [RefuseOversizedUpload(ApplyForAccreditation.MaxRequestBytes, "/accreditation/apply?tooLarge=true")]
    public async Task<IActionResult> Apply(ApplyForAccreditation.Command command, [FromServices] ApplyForAccreditation.Handler handler)
    {
        var (outcome, id) = await handler.HandleAsync(command, UserId, ModelState);
        switch (outcome)
        {
            case ApplyForAccreditation.Outcome.NotFound:
                return NotFound();
            case ApplyForAccreditation.Outcome.Applied:
                TempData["Success"] = t["The application has been sent to the secretariat. You will be told of its decision by email."].Value;
                return Redirect($"/accreditation/{id}");
            default:
                return View(command);
        }
    }

    [HttpGet("queue")]
    [Authorize(Policy = Policies.Secretariat)]
    public async Task<IActionResult> Queue([FromQuery] AccreditationQueue.Query query, [FromServices] AccreditationQueue.Handler handler) =>
        View(await handler.HandleAsync(query));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, [FromServices] AccreditationDetails.Handler handler) =>
        await handler.HandleAsync(id, UserId, IsSecretariat) is { } model ? View(model) : NotFound();

    [HttpGet("{id:int}/letter")]
    public Task<IActionResult> Letter(int id, [FromServices] AccreditationDocument.Handler handler, [FromServices] IFileStore store) =>
        ServeAsync(id, AccreditationDocument.Kind.Letter, handler, store);

    [HttpGet("{id:int}/governing-body")]
    public Task<IActionResult> GoverningBodyList(int id, [FromServices] AccreditationDocument.Handler handler, [FromServices] IFileStore store) =>
        ServeAsync(id, AccreditationDocument.Kind.GoverningBodyList, handler, store);

    [HttpPost("{id:int}/grant")]
    [Authorize(Policy = Policies.Secretariat)]
    public Task<IActionResult> Grant(int id, DecideAccreditation.Command command, [FromServices] DecideAccreditation.Handler decide, [FromServices] AccreditationDetails.Handler details) =>
        DecideAsync(id, DecideAccreditation.Decision.Grant, command, decide, details, "The accreditation is granted; the focal points have been told.");

    [HttpPost("{id:int}/reject")]
    [Authorize(Policy = Policies.Secretariat)]
    public Task<IActionResult> Reject(int id, DecideAccreditation.Command command, [FromServices] DecideAccreditation.Handler decide, [FromServices] DecideAccreditation.ConfirmationHandler confirmation, [FromServices] AccreditationDetails.Handler details) =>
        DecideAsync(id, DecideAccreditation.Decision.Reject, command, decide, details, "The application is rejected; the focal points have been told why.", confirmation);

    [HttpPost("{id:int}/suspend")]
    [Authorize(Policy = Policies.Secretariat)]
    public Task<IActionResult> Suspend(int id, DecideAccreditation.Command command, [FromServices] DecideAccreditation.Handler decide, [FromServices] DecideAccreditation.ConfirmationHandler confirmation, [FromServices] AccreditationDetails.Handler details) =>
        DecideAsync(id, DecideAccreditation.Decision.Suspend, command, decide, details, "The accreditation is suspended; the focal points have been told why.", confirmation);

    [HttpPost("{id:int}/withdraw")]
    [Authorize(Policy = Policies.Secretariat)]
    public Task<IActionResult> Withdraw(int id, DecideAccreditation.Command command, [FromServices] DecideAccreditation.Handler decide, [FromServices] DecideAccreditation.ConfirmationHandler confirmation, [FromServices] AccreditationDetails.Handler details) =>
        DecideAsync(id, DecideAccreditation.Decision.Withdraw, command, decide, details, "The accreditation is withdrawn; the focal points have been told why.", confirmation);

    private async Task<IActionResult> ServeAsync(int id, AccreditationDocument.Kind kind, AccreditationDocument.Handler handler, IFileStore store) =>
        await handler.HandleAsync(id, kind, UserId, IsSecretariat) is { } file ? this.Serve(store, file) : NotFound();

    private async Task<IActionResult> DecideAsync(int id, DecideAccreditation.Decision decision, DecideAccreditation.Command command, DecideAccreditation.Handler decide, AccreditationDetails.Handler details, string doneMessage, DecideAccreditation.ConfirmationHandler? confirmation = null)
    {
        // A grant takes no confirmation; a decision without its reason is refused by the rules before anything changes.
        if (confirmation is not null && !this.IsConfirmed() && !string.IsNullOrWhiteSpace(command.Reason))
        {
            return await this.AskToConfirmAsync(confirmation.HandleAsync(id, decision, command.Reason));
        }

        var outcome = DecideAccreditation.Outcome.Conflict;
        if (await this.RunFormCommandAsync(async () => outcome = await decide.HandleAsync(id, decision, command, UserId)) == FormOutcome.Done)
        {
            switch (outcome)
            {
                case DecideAccreditation.Outcome.NotFound:
                    return NotFound();
                case DecideAccreditation.Outcome.Done:
                    TempData["Success"] = t[doneMessage].Value;
                    return Redirect($"/accreditation/{id}");
                case DecideAccreditation.Outcome.Conflict:
                    ModelState.AddModelError("", this.ChangedMeanwhile());
                    break;
            }
        }

        var model = await details.HandleAsync(id, UserId, IsSecretariat);
        if (model is null)
        {
            return NotFound();
        }

        model.Reason = command.Reason;
        return View(nameof(Details), model);
    }
}
