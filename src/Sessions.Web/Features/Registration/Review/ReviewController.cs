using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Core.Files;
using Sessions.Core.Registration;
using Sessions.Web.Infrastructure.Files;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Registration.Review;

/// <summary>The secretariat reviews the delegations registered to a session: one at a time or many at once.</summary>
[Route("registrations")]
[Authorize(Policy = Policies.Secretariat)]
public sealed class ReviewController(IStringLocalizer<Text> t) : Controller
{
    public const string SkippedKey = "Skipped";

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [HttpGet("review")]
    public async Task<IActionResult> Queue([FromQuery] ReviewQueue.Query query, [FromServices] ReviewQueue.Handler handler) =>
        View(await handler.HandleAsync(query, Cultures.Current));

    [HttpGet("/sessions/manage/{sessionId:int}/registrations")]
    public async Task<IActionResult> SessionQueue(int sessionId, [FromQuery] ReviewQueue.Query query, [FromServices] ReviewQueue.Handler handler)
    {
        query.SessionId = sessionId;
        query.InWorkspace = true;
        var model = await handler.HandleAsync(query, Cultures.Current);
        return model.Session?.Id == sessionId ? View(nameof(Queue), model) : NotFound();
    }

    [HttpPost("review/approve")]
    public async Task<IActionResult> ApproveMany([FromForm] int[] ids, [FromForm] ReviewQueue.Query query, [FromServices] ApproveDelegations.Handler approve, [FromServices] ConfirmDecision.Handler confirmation, [FromServices] ReviewQueue.Handler queue)
    {
        if (ids.Length == 0)
        {
            ModelState.AddModelError("", t["Tick at least one delegation."]);
            return await QueueAgainAsync(query, queue, ids, null);
        }

        if (!this.IsConfirmed())
        {
            return await this.AskToConfirmAsync(confirmation.HandleAsync(ids, DelegationDecision.Approval, null, query.Url(query.Page)));
        }

        DecisionResult? result = null;
        if (await this.RunFormCommandAsync(async () => result = await approve.HandleAsync(ids, UserId)) == FormOutcome.Done)
        {
            Report(result!, approved: true);
            return Redirect(query.Url(query.Page));
        }

        // A focal point edited a delegation while it was being decided: nothing was saved; the queue shows the current state.
        return await QueueAgainAsync(query, queue, ids, null);
    }

    [HttpPost("review/reject")]
    public async Task<IActionResult> RejectMany([FromForm] int[] ids, [FromForm] string? reason, [FromForm] ReviewQueue.Query query, [FromServices] RejectDelegations.Handler reject, [FromServices] ConfirmDecision.Handler confirmation, [FromServices] ReviewQueue.Handler queue)
    {
        if (ids.Length == 0)
        {
            ModelState.AddModelError("", t["Tick at least one delegation."]);
            return await QueueAgainAsync(query, queue, ids, reason);
        }

        // Without a reason the handler refuses before changing anything: the refusal shows on its field at once, without a confirmation.
        if (!this.IsConfirmed() && !string.IsNullOrWhiteSpace(reason))
        {
            return await this.AskToConfirmAsync(confirmation.HandleAsync(ids, DelegationDecision.Rejection, reason, query.Url(query.Page)));
        }

        DecisionResult? result = null;
        if (await this.RunFormCommandAsync(async () => result = await reject.HandleAsync(ids, reason, UserId), "reason") == FormOutcome.Done)
        {
            Report(result!, approved: false);
            return Redirect(query.Url(query.Page));
        }

        return await QueueAgainAsync(query, queue, ids, reason);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Delegation(int id, [FromServices] ReviewDelegation.Handler handler) =>
        await handler.HandleAsync(id, Cultures.Current) is { } model ? View(model) : NotFound();

    [HttpGet("{id:int}/letter")]
    public async Task<IActionResult> Letter(int id, [FromServices] ReviewDelegation.Handler handler, [FromServices] IFileStore store) =>
        await handler.LetterAsync(id) is { } file ? this.Serve(store, file) : NotFound();

    [HttpPost("{id:int}/approve")]
    public Task<IActionResult> Approve(int id, [FromServices] ApproveDelegations.Handler approve, [FromServices] ReviewDelegation.Handler details) =>
        DecideAsync(id, () => approve.HandleAsync([id], UserId), approved: true, null, details);

    [HttpPost("{id:int}/reject")]
    public async Task<IActionResult> Reject(int id, [FromForm] string? reason, [FromServices] RejectDelegations.Handler reject, [FromServices] ConfirmDecision.Handler confirmation, [FromServices] ReviewDelegation.Handler details) =>
        !this.IsConfirmed() && !string.IsNullOrWhiteSpace(reason)
            ? await this.AskToConfirmAsync(confirmation.HandleAsync([id], DelegationDecision.Rejection, reason, $"/registrations/{id}"))
            : await DecideAsync(id, () => reject.HandleAsync([id], reason, UserId), approved: false, reason, details);

    [HttpPost("participants/{participantId:int}/unlink")]
    public async Task<IActionResult> UndoAccountLink(int participantId, Guid version, [FromServices] UndoAccountLink.Handler handler, [FromServices] UndoAccountLink.ConfirmationHandler confirmation)
    {
        if (!this.IsConfirmed())
        {
            return await this.AskToConfirmAsync(confirmation.HandleAsync(participantId));
        }

        var result = await handler.HandleAsync(participantId, version);
        if (result.DelegationId is not { } delegationId)
        {
            return NotFound();
        }

        if (result.Outcome == Delegations.ChangeOutcome.Conflict)
        {
            TempData[SkippedKey] = this.ChangedMeanwhile();
        }
        else
        {
            TempData["Success"] = t["The link to the account is undone. The account stays; this participant is no longer linked to it."].Value;
        }

        return RedirectToAction(nameof(Delegation), new { id = delegationId });
    }

    private async Task<IActionResult> DecideAsync(int id, Func<Task<DecisionResult>> decide, bool approved, string? reason, ReviewDelegation.Handler details)
    {
        DecisionResult? result = null;
        // An approval's refusal (a grounds pass incomplete) belongs to no field; a rejection's to its reason.
        switch (await this.RunFormCommandAsync(async () => Found(result = await decide()), approved ? "" : "reason"))
        {
            case FormOutcome.Done:
                Report(result!, approved);
                return RedirectToAction(nameof(Delegation), new { id });
            case FormOutcome.NotFound:
                return NotFound();
        }

        if (await details.HandleAsync(id, Cultures.Current) is not { } model)
        {
            return NotFound();
        }

        model.Reason = reason;
        return View(nameof(Delegation), model);
    }

    private static bool Found(DecisionResult result) => result.Decided.Count > 0 || !result.Skipped.Any(s => s.Status is null);

    private async Task<IActionResult> QueueAgainAsync(ReviewQueue.Query query, ReviewQueue.Handler queue, int[] ids, string? reason)
    {
        var model = await queue.HandleAsync(query, Cultures.Current);
        model.Selected = ids.ToHashSet();
        model.Reason = reason;
        return View(nameof(Queue), model);
    }

    private void Report(DecisionResult result, bool approved)
    {
        if (result.Decided.Count > 0)
        {
            TempData["Success"] = approved ? t.Plural("{0} delegations approved.", result.Decided.Count) : t.Plural("{0} delegations rejected.", result.Decided.Count);
        }

        if (result.Skipped.Count > 0)
        {
            TempData[SkippedKey] = string.Join("\n", result.Skipped.Select(s => s.Status is { } status
                ? t["{0} was left as it is: only a submitted delegation can be decided, and this one is {1}.", s.Organisation ?? "", t.For(status)].Value
                : t["Delegation {0} no longer exists.", s.Id].Value));
        }
    }
}
