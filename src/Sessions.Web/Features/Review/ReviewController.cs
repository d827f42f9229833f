using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Files;
using Sessions.Web.Infrastructure.Files;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Review;

/// <summary>The secretariat reviews the delegations registered to a session: one at a time or many at once.</summary>
[Route("registrations")]
[Authorize(Policy = Policies.Secretariat)]
public sealed class ReviewController(IStringLocalizer<Text> t) : Controller
{
    public const string SkippedKey = "Skipped";

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>A focal point edited a delegation while it was being decided: nothing was saved; the queue shows the current state.</summary>
    private string ChangedMeanwhile => t["Someone else changed this record while you were editing it. Review the current version below and apply your changes again."];

    [HttpGet("review")]
    public async Task<IActionResult> Queue([FromQuery] ReviewQueue.Query query, [FromServices] ReviewQueue.Handler handler) =>
        View(await handler.HandleAsync(query, Cultures.Current));

    [HttpPost("review/approve")]
    public async Task<IActionResult> ApproveMany([FromForm] int[] ids, [FromForm] ReviewQueue.Query query, [FromServices] ApproveDelegations.Handler approve, [FromServices] ReviewQueue.Handler queue)
    {
        if (ids.Length == 0)
        {
            return await QueueWithErrorAsync(query, queue, ids, null, t["Tick at least one delegation."]);
        }

        try
        {
            var result = await approve.HandleAsync(ids, UserId);
            Report(result, approved: true);
            return Redirect(query.Url(query.Page));
        }
        catch (DbUpdateConcurrencyException)
        {
            return await QueueWithErrorAsync(query, queue, ids, null, ChangedMeanwhile);
        }
    }

    [HttpPost("review/reject")]
    public async Task<IActionResult> RejectMany([FromForm] int[] ids, [FromForm] string? reason, [FromForm] ReviewQueue.Query query, [FromServices] RejectDelegations.Handler reject, [FromServices] ReviewQueue.Handler queue)
    {
        if (ids.Length == 0)
        {
            return await QueueWithErrorAsync(query, queue, ids, reason, t["Tick at least one delegation."]);
        }

        try
        {
            var result = await reject.HandleAsync(ids, reason, UserId);
            Report(result, approved: false);
            return Redirect(query.Url(query.Page));
        }
        catch (DomainException e)
        {
            return await QueueWithErrorAsync(query, queue, ids, reason, t[e.Message, e.Arguments], "reason");
        }
        catch (DbUpdateConcurrencyException)
        {
            return await QueueWithErrorAsync(query, queue, ids, reason, ChangedMeanwhile);
        }
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Delegation(int id, [FromServices] ReviewDelegation.Handler handler) =>
        await handler.HandleAsync(id, Cultures.Current) is { } model ? View(model) : NotFound();

    [HttpGet("{id:int}/letter")]
    public async Task<IActionResult> Letter(int id, [FromServices] ReviewDelegation.Handler handler, [FromServices] IFileStore store) =>
        await handler.LetterAsync(id) is { } file ? this.Serve(store, file) : NotFound();

    [HttpPost("{id:int}/approve")]
    public async Task<IActionResult> Approve(int id, [FromServices] ApproveDelegations.Handler approve, [FromServices] ReviewDelegation.Handler details)
    {
        DecisionResult result;
        try
        {
            result = await approve.HandleAsync([id], UserId);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await DelegationWithErrorAsync(id, details, null, ChangedMeanwhile);
        }

        if (result.Decided.Count == 0 && result.Skipped.Any(s => s.Status is null))
        {
            return NotFound();
        }

        Report(result, approved: true);
        return RedirectToAction(nameof(Delegation), new { id });
    }

    [HttpPost("{id:int}/reject")]
    public async Task<IActionResult> Reject(int id, [FromForm] string? reason, [FromServices] RejectDelegations.Handler reject, [FromServices] ReviewDelegation.Handler details)
    {
        try
        {
            var result = await reject.HandleAsync([id], reason, UserId);
            if (result.Decided.Count == 0 && result.Skipped.Any(s => s.Status is null))
            {
                return NotFound();
            }

            Report(result, approved: false);
            return RedirectToAction(nameof(Delegation), new { id });
        }
        catch (DomainException e)
        {
            return await DelegationWithErrorAsync(id, details, reason, t[e.Message, e.Arguments], "reason");
        }
        catch (DbUpdateConcurrencyException)
        {
            return await DelegationWithErrorAsync(id, details, reason, ChangedMeanwhile);
        }
    }

    private async Task<IActionResult> DelegationWithErrorAsync(int id, ReviewDelegation.Handler details, string? reason, string error, string key = "")
    {
        if (await details.HandleAsync(id, Cultures.Current) is not { } model)
        {
            return NotFound();
        }

        ModelState.AddModelError(key, error);
        model.Reason = reason;
        return View(nameof(Delegation), model);
    }

    private async Task<IActionResult> QueueWithErrorAsync(ReviewQueue.Query query, ReviewQueue.Handler queue, int[] ids, string? reason, string error, string key = "")
    {
        ModelState.AddModelError(key, error);
        var model = await queue.HandleAsync(query, Cultures.Current);
        model.Selected = ids.ToHashSet();
        model.Reason = reason;
        return View(nameof(Queue), model);
    }

    private void Report(DecisionResult result, bool approved)
    {
        if (result.Decided.Count > 0)
        {
            TempData["Success"] = (approved ? t["{0} delegations approved.", result.Decided.Count] : t["{0} delegations rejected.", result.Decided.Count]).Value;
        }

        if (result.Skipped.Count > 0)
        {
            TempData[SkippedKey] = string.Join("\n", result.Skipped.Select(s => s.Status is { } status
                ? t["{0} was left as it is: only a submitted delegation can be decided, and this one is {1}.", s.Organisation ?? "", t.For(status)].Value
                : t["Delegation {0} no longer exists.", s.Id].Value));
        }
    }
}
