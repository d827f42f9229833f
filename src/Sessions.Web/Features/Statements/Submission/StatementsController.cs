using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Core.Files;
using Sessions.Web.Infrastructure.Files;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Statements.Submission;

/// <summary>
/// Written statements from the delegations' side: submitting one (form, then confirm with the word count), following
/// and withdrawing one's own, answering a request to co-sponsor, downloading the submitted file. Every route finds
/// the statement among those the user may reach and answers 404 otherwise.
/// </summary>
public sealed class StatementsController(IStringLocalizer<Text> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private bool IsSecretariat => User.IsInRole(Roles.Secretariat);

    [HttpGet("/statements/mine")]
    public async Task<IActionResult> Mine([FromServices] MyStatements.Handler handler, int page = 1) =>
        View(await handler.HandleAsync(UserId, Cultures.Current, page, HttpContext.RequestAborted));

    [HttpGet("/statements/new")]
    public async Task<IActionResult> New(int sessionId, int? delegationId, string? upload, [FromServices] SubmitStatement.Handler handler)
    {
        if (upload == "too-large")
        {
            ModelState.AddModelError(nameof(SubmitStatement.Command.File), t["The file is larger than {0} MB.", UploadRule.StatementDocument.MaxBytes / (1024 * 1024)]);
        }

        var command = new SubmitStatement.Command { DelegationId = delegationId };
        return await handler.PrepareAsync(sessionId, UserId, command, Cultures.Current, HttpContext.RequestAborted) is { } model ? View(model) : NotFound();
    }

    [HttpPost("/statements/new/{sessionId:int}")]
    [RequestSizeLimit(SubmitStatement.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = SubmitStatement.MaxRequestBytes, ValueLengthLimit = (int)SubmitStatement.MaxRequestBytes)]
    [RefuseOversizedUpload(SubmitStatement.MaxRequestBytes, "/statements/new?sessionId={sessionId}&upload=too-large")]
    public async Task<IActionResult> Preview(int sessionId, SubmitStatement.Command command, [FromServices] SubmitStatement.Handler handler)
    {
        SubmitStatement.Preview? preview = null;
        switch (await this.RunFormCommandAsync(async () => (preview = await handler.PreviewAsync(sessionId, UserId, command, Cultures.Current, HttpContext.RequestAborted)) is not null))
        {
            case FormOutcome.Done:
                return View("Confirm", preview);
            case FormOutcome.NotFound:
                return NotFound();
        }

        return await handler.PrepareAsync(sessionId, UserId, command, Cultures.Current, HttpContext.RequestAborted) is { } model ? View(nameof(New), model) : NotFound();
    }

    [HttpPost("/statements/new/{sessionId:int}/confirm")]
    [RequestSizeLimit(SubmitStatement.MaxRequestBytes)]
    [RequestFormLimits(ValueLengthLimit = (int)SubmitStatement.MaxRequestBytes)]
    public async Task<IActionResult> Confirm(int sessionId, SubmitStatement.Command command, bool change, [FromServices] SubmitStatement.Handler handler)
    {
        command.File = null;
        SubmitStatement.Submitted? submitted = null;
        switch (change ? FormOutcome.Refused : await this.RunFormCommandAsync(async () => (submitted = await handler.ConfirmAsync(sessionId, UserId, command, Cultures.Current, HttpContext.RequestAborted)) is not null))
        {
            case FormOutcome.Done:
                TempData["Success"] = (submitted!.AlreadySubmitted
                    ? t["This statement had already been submitted: here it is."]
                    : submitted.IsJoint
                        ? t["The statement has been submitted. Its co-sponsors have been asked by email to confirm; it goes to review once all of them have."]
                        : t["The statement has been submitted for review. A confirmation has been sent by email."]).Value;
                return Redirect($"/statements/{submitted.StatementId}");
            case FormOutcome.NotFound:
                return NotFound();
        }

        return await handler.PrepareAsync(sessionId, UserId, command, Cultures.Current, HttpContext.RequestAborted) is { } model ? View(nameof(New), model) : NotFound();
    }

    [HttpGet("/statements/{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] ShowStatement.Handler handler) =>
        await handler.FindAsync(id, UserId, IsSecretariat, Cultures.Current, HttpContext.RequestAborted) is { } model ? View(model) : NotFound();

    [HttpPost("/statements/{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, Guid version, [FromServices] WithdrawStatement.Handler handler, [FromServices] WithdrawStatement.ConfirmationHandler confirmation, [FromServices] ShowStatement.Handler show)
    {
        if (!this.IsConfirmed())
        {
            return await this.AskToConfirmAsync(confirmation.HandleAsync(id, UserId, HttpContext.RequestAborted));
        }

        switch (await this.RunFormCommandAsync(() => handler.HandleAsync(id, UserId, version, HttpContext.RequestAborted)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["The statement has been withdrawn."].Value;
                return Redirect($"/statements/{id}");
            case FormOutcome.NotFound:
                return NotFound();
        }

        return await show.FindAsync(id, UserId, IsSecretariat, Cultures.Current, HttpContext.RequestAborted) is { } model ? View(nameof(Show), model) : NotFound();
    }

    [HttpGet("/statements/{id:int}/co-sponsor")]
    public async Task<IActionResult> CoSponsor(int id, [FromServices] ShowStatement.Handler handler) =>
        await handler.FindAsync(id, UserId, isSecretariat: false, Cultures.Current, HttpContext.RequestAborted) is { ActsForCoSponsor: true } model ? View(model) : NotFound();

    [HttpPost("/statements/{id:int}/co-sponsor")]
    public async Task<IActionResult> AnswerCoSponsorship(int id, int organisationId, string? answer, [FromServices] AnswerCoSponsorship.Handler handler, [FromServices] ShowStatement.Handler show)
    {
        if (answer is "confirm" or "decline")
        {
            switch (await this.RunFormCommandAsync(() => handler.HandleAsync(id, organisationId, answer == "confirm", UserId, HttpContext.RequestAborted)))
            {
                case FormOutcome.Done:
                    TempData["Success"] = (answer == "confirm"
                        ? t["You have confirmed the co-sponsorship. The submitter has been told."]
                        : t["You have declined the co-sponsorship. The submitter has been told."]).Value;
                    return Redirect($"/statements/{id}/co-sponsor");
                case FormOutcome.NotFound:
                    return NotFound();
            }
        }
        else
        {
            ModelState.AddModelError("", t["Confirm or decline the co-sponsorship."]);
        }

        return await show.FindAsync(id, UserId, isSecretariat: false, Cultures.Current, HttpContext.RequestAborted) is { ActsForCoSponsor: true } model ? View(nameof(CoSponsor), model) : NotFound();
    }

    [HttpGet("/statements/{id:int}/file")]
    public async Task<IActionResult> File(int id, [FromServices] StatementFile.Handler handler, [FromServices] IFileStore store) =>
        await handler.FindAsync(id, UserId, IsSecretariat, HttpContext.RequestAborted) is { } file ? this.Serve(store, file, download: true) : NotFound();
}
