using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Core.Files;
using Sessions.Core.Speakers;
using Sessions.Web.Infrastructure.Files;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Speakers.Lists;

/// <summary>
/// Speakers lists: the secretariat sets them up per agenda item (and meeting); delegates, focal points and the
/// secretariat inscribe; delegates and focal points follow and withdraw their own inscriptions under /speakers/mine.
/// </summary>
[Authorize]
public sealed class SpeakersController(IStringLocalizer<Text> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private Inscribe.Asker Asker => new(UserId, User.IsInRole(Roles.Secretariat));

    [Authorize(Policy = Policies.Secretariat)]
    [HttpGet("/sessions/manage/{sessionId:int}/speakers")]
    public async Task<IActionResult> Lists(int sessionId, [FromServices] ListSpeakersLists.Handler handler) =>
        await handler.HandleAsync(sessionId) is { } model ? View(model) : NotFound();

    [Authorize(Policy = Policies.Secretariat)]
    [HttpPost("/sessions/manage/{sessionId:int}/speakers")]
    public async Task<IActionResult> CreateList(int sessionId, CreateSpeakersList.Command command, [FromServices] CreateSpeakersList.Handler handler, [FromServices] ListSpeakersLists.Handler lists)
    {
        int? id = null;
        switch (await this.RunFormCommandAsync(async () => (id = await handler.HandleAsync(sessionId, command)) is not null))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["The speakers list has been opened. Its inscription window is the session's; change it in its settings if needed."].Value;
                return Redirect($"/sessions/manage/{sessionId}/speakers#list-{id}");
            case FormOutcome.NotFound:
                return NotFound();
        }

        return await lists.HandleAsync(sessionId) is { } model ? View(nameof(Lists), model with { Form = command }) : NotFound();
    }

    [Authorize(Policy = Policies.Secretariat)]
    [HttpGet("/speakers/{listId:int}/settings")]
    public async Task<IActionResult> Settings(int listId, [FromServices] ListSettings.Handler handler) =>
        await handler.LoadAsync(listId) is { } command ? View(command) : NotFound();

    [Authorize(Policy = Policies.Secretariat)]
    [HttpPost("/speakers/{listId:int}/settings")]
    public async Task<IActionResult> Settings(int listId, ListSettings.Command command, [FromServices] ListSettings.Handler handler)
    {
        command.ListId = listId;
        switch (await this.RunFormCommandAsync(() => handler.HandleAsync(command)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["Saved."].Value;
                return RedirectToAction(nameof(Settings), new { listId });
            case FormOutcome.NotFound:
                return NotFound();
            case FormOutcome.ChangedMeanwhile:
                return await handler.LoadAsync(listId) is { } fresh ? this.ShowCurrentVersion(nameof(Settings), fresh) : NotFound();
        }

        if (await handler.LoadAsync(listId) is null)
        {
            return NotFound();
        }

        await handler.DescribeAsync(command);
        return View(command);
    }

    [HttpGet("/speakers/{listId:int}/inscribe")]
    public async Task<IActionResult> Inscribe(int listId, int? delegationId, InscriptionKind? kind, string? upload, [FromServices] Inscribe.Handler handler)
    {
        if (upload == "too-large")
        {
            ModelState.AddModelError(nameof(Speakers.Lists.Inscribe.Command.StatementFile), t["The file is larger than {0} MB.", UploadRule.Pdf.MaxBytes / (1024 * 1024)]);
        }

        // The console links here with kind=PointOfOrder for a point of order raised from the floor.
        var command = new Inscribe.Command { DelegationId = delegationId, Kind = kind };
        return await handler.PrepareAsync(listId, Asker, command, Cultures.Current) is { } model ? View(model) : NotFound();
    }

    [HttpPost("/speakers/{listId:int}/inscribe")]
    [RequestSizeLimit(Speakers.Lists.Inscribe.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = Speakers.Lists.Inscribe.MaxRequestBytes)]
    [RefuseOversizedUpload(Speakers.Lists.Inscribe.MaxRequestBytes, "/speakers/{listId}/inscribe?upload=too-large")]
    public async Task<IActionResult> Inscribe(int listId, Inscribe.Command command, [FromServices] Inscribe.Handler handler)
    {
        Inscribe.Inscribed? inscribed = null;
        switch (await this.RunFormCommandAsync(async () => (inscribed = await handler.HandleAsync(listId, Asker, command, HttpContext.RequestAborted)) is not null))
        {
            case FormOutcome.Done:
                TempData["Success"] = command.Kind == InscriptionKind.PointOfOrder
                    ? t["The point of order is on the list, at place {0}.", inscribed!.Place].Value
                    : t["The request for the floor is on the list, at place {0}. A confirmation has been sent by email.", inscribed!.Place].Value;
                return Asker.IsSecretariat ? Redirect($"/speakers/{listId}/inscribe") : Redirect("/speakers/mine");
            case FormOutcome.NotFound:
                return NotFound();
        }

        return await handler.PrepareAsync(listId, Asker, command, Cultures.Current) is { } model ? View(model) : NotFound();
    }

    [HttpGet("/speakers/mine")]
    public async Task<IActionResult> Mine([FromServices] MySpeakingSlots.Handler handler, int page = 1) =>
        View(await handler.HandleAsync(UserId, Cultures.Current, page));

    [HttpPost("/speakers/mine/{inscriptionId:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int inscriptionId, [FromServices] WithdrawInscription.Handler handler, [FromServices] WithdrawInscription.ConfirmationHandler confirmation, [FromServices] MySpeakingSlots.Handler mine)
    {
        if (!this.IsConfirmed())
        {
            return await this.AskToConfirmAsync(confirmation.HandleAsync(inscriptionId, UserId, null, "/speakers/mine"));
        }

        switch (await this.RunFormCommandAsync(() => handler.HandleAsync(inscriptionId, UserId)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["The request for the floor has been withdrawn."].Value;
                return Redirect("/speakers/mine");
            case FormOutcome.NotFound:
                return NotFound();
            default:
                return View(nameof(Mine), await mine.HandleAsync(UserId, Cultures.Current, 1));
        }
    }

    [HttpGet("/speakers/inscriptions/{inscriptionId:int}/statement")]
    public async Task<IActionResult> Statement(int inscriptionId, [FromServices] StatementText.Handler handler, [FromServices] IFileStore store) =>
        await handler.FindAsync(inscriptionId, UserId, Asker.IsSecretariat) is { } file ? this.Serve(store, file) : NotFound();
}
