using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;
using Sessions.Web.Infrastructure.Statements;

namespace Sessions.Web.Features.Statements.Review;

/// <summary>The secretariat sets a session's statement rules, reviews its statements and issues the accepted ones.</summary>
[Authorize(Policy = Policies.Secretariat)]
public sealed class StatementReviewController(IStringLocalizer<Text> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [HttpGet("/sessions/manage/{sessionId:int}/statements")]
    public async Task<IActionResult> Queue(int sessionId, [FromQuery] StatementQueue.Query query, [FromServices] StatementQueue.Handler handler) =>
        await handler.HandleAsync(sessionId, query, Cultures.Current) is { } model ? View(model) : NotFound();

    [HttpGet("/sessions/manage/{sessionId:int}/statements.xlsx")]
    public async Task<IActionResult> Excel(int sessionId, [FromQuery] StatementQueue.Query query, [FromServices] ExportStatements.Handler handler, CancellationToken cancellationToken)
    {
        var workbook = await handler.HandleAsync(sessionId, query, Cultures.Current, cancellationToken);
        return workbook is null ? NotFound() : File(workbook.Content, ExportStatements.ContentType, workbook.FileName);
    }

    [HttpGet("/sessions/manage/{sessionId:int}/statements/rules")]
    public async Task<IActionResult> Rules(int sessionId, [FromServices] SetStatementRules.Handler handler) =>
        await handler.LoadAsync(sessionId) is { } command ? View(command) : NotFound();

    [HttpPost("/sessions/manage/{sessionId:int}/statements/rules")]
    public async Task<IActionResult> Rules(int sessionId, SetStatementRules.Command command, [FromServices] SetStatementRules.Handler handler)
    {
        command.SessionId = sessionId;
        switch (await this.RunFormCommandAsync(() => handler.HandleAsync(command)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["Saved."].Value;
                return RedirectToAction(nameof(Rules), new { sessionId });
            case FormOutcome.NotFound:
                return NotFound();
            case FormOutcome.ChangedMeanwhile:
                return await handler.LoadAsync(sessionId) is { } fresh ? this.ShowCurrentVersion(nameof(Rules), fresh) : NotFound();
        }

        return await handler.DescribeAsync(command) ? View(command) : NotFound();
    }

    [HttpGet("/statements/review/{id:int}")]
    public async Task<IActionResult> Statement(int id, [FromServices] ReviewStatement.Handler handler) =>
        await handler.HandleAsync(id, Cultures.Current) is { } model ? View(model) : NotFound();

    [HttpPost("/statements/review/{id:int}/accept")]
    public async Task<IActionResult> Accept(int id, [FromForm] Guid version, [FromServices] StatementIssuance issuance, [FromServices] ReviewStatement.Handler details)
    {
        string? symbol = null;
        return await DecideAsync(id, details, async () => (symbol = await issuance.IssueAsync(id, version, UserId)) is not null, () => t["Issued as {0}.", symbol!]);
    }

    [HttpPost("/statements/review/{id:int}/reject")]
    public async Task<IActionResult> Reject(int id, [FromForm] Guid version, [FromForm] string? reason, [FromServices] RejectStatement.Handler reject, [FromServices] RejectStatement.ConfirmationHandler confirmation, [FromServices] ReviewStatement.Handler details) =>
        // Without a reason the rules refuse before anything changes: the refusal shows at once, without a confirmation.
        !this.IsConfirmed() && !string.IsNullOrWhiteSpace(reason)
            ? await this.AskToConfirmAsync(confirmation.HandleAsync(id, reason))
            : await DecideAsync(id, details, () => reject.HandleAsync(id, version, reason, UserId), () => t["The statement was rejected."], reason: reason, errorKey: "Reason");

    [HttpPost("/statements/review/{id:int}/duplicate")]
    public Task<IActionResult> Duplicate(int id, [FromForm] Guid version, [FromForm] int? duplicateOfId, [FromServices] MarkDuplicate.Handler duplicate, [FromServices] ReviewStatement.Handler details) =>
        DecideAsync(id, details, () => duplicate.HandleAsync(id, version, duplicateOfId, UserId), () => t["The statement was closed as a duplicate."], duplicateOfId: duplicateOfId, errorKey: "DuplicateOfId");

    [HttpPost("/statements/review/{id:int}/proceed")]
    public Task<IActionResult> Proceed(int id, [FromForm] Guid version, [FromServices] ProceedWithoutCoSponsors.Handler proceed, [FromServices] ReviewStatement.Handler details) =>
        DecideAsync(id, details, () => proceed.HandleAsync(id, version, UserId), () => t["The statement went to review without waiting for its co-sponsors."]);

    private async Task<IActionResult> DecideAsync(int id, ReviewStatement.Handler details, Func<Task<bool>> decide, Func<string> done, string? reason = null, int? duplicateOfId = null, string errorKey = "")
    {
        switch (await this.RunFormCommandAsync(decide, errorKey))
        {
            case FormOutcome.Done:
                TempData["Success"] = done();
                return RedirectToAction(nameof(Statement), new { id });
            case FormOutcome.NotFound:
                return NotFound();
        }

        if (await details.HandleAsync(id, Cultures.Current) is not { } model)
        {
            return NotFound();
        }

        model.Reason = reason;
        model.DuplicateOfId = duplicateOfId;
        return View(nameof(Statement), model);
    }
}
