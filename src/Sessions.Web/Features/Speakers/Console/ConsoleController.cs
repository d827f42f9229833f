using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Speakers.Console;

/// <summary>
/// The secretariat's console in the room for one speakers list. Every action is a form carrying the list's version:
/// an action taken on a list someone else has changed since is refused and the fresh list shown.
/// </summary>
[Authorize(Policy = Policies.Secretariat)]
[Route("speakers/{listId:int}/console")]
public sealed class ConsoleController(ShowConsole.Handler console) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(int listId, CancellationToken cancellationToken)
    {
        var model = await console.HandleAsync(listId, cancellationToken);
        return model is null ? NotFound() : View("Console", model);
    }

    [HttpPost("call-next")]
    public Task<IActionResult> CallNext(int listId, Guid version, [FromServices] CallSpeaker.Handler handler, CancellationToken cancellationToken) =>
        ActAsync(listId, () => handler.HandleAsync(new(listId, version, CallSpeaker.Step.CallNext), cancellationToken), cancellationToken);

    [HttpPost("give-floor")]
    public Task<IActionResult> GiveTheFloor(int listId, Guid version, int inscriptionId, [FromServices] CallSpeaker.Handler handler, CancellationToken cancellationToken) =>
        ActAsync(listId, () => handler.HandleAsync(new(listId, version, CallSpeaker.Step.GiveTheFloor, inscriptionId), cancellationToken), cancellationToken);

    [HttpPost("skip")]
    public Task<IActionResult> Skip(int listId, Guid version, int inscriptionId, [FromServices] CallSpeaker.Handler handler, CancellationToken cancellationToken) =>
        ActAsync(listId, () => handler.HandleAsync(new(listId, version, CallSpeaker.Step.Skip, inscriptionId), cancellationToken), cancellationToken);

    [HttpPost("withdraw")]
    public async Task<IActionResult> Withdraw(int listId, Guid version, int inscriptionId, [FromServices] CallSpeaker.Handler handler, [FromServices] Lists.WithdrawInscription.ConfirmationHandler confirmation, CancellationToken cancellationToken) =>
        !this.IsConfirmed()
            ? await this.AskToConfirmAsync(confirmation.HandleAsync(inscriptionId, null, listId, $"/speakers/{listId}/console"))
            : await ActAsync(listId, () => handler.HandleAsync(new(listId, version, CallSpeaker.Step.Withdraw, inscriptionId), cancellationToken), cancellationToken);

    [HttpPost("start")]
    public Task<IActionResult> Start(int listId, Guid version, int inscriptionId, [FromServices] TimeSpeaker.Handler handler, CancellationToken cancellationToken) =>
        ActAsync(listId, () => handler.HandleAsync(new(listId, version, TimeSpeaker.Step.Start, inscriptionId), cancellationToken), cancellationToken);

    [HttpPost("pause")]
    public Task<IActionResult> Pause(int listId, Guid version, int inscriptionId, [FromServices] TimeSpeaker.Handler handler, CancellationToken cancellationToken) =>
        ActAsync(listId, () => handler.HandleAsync(new(listId, version, TimeSpeaker.Step.Pause, inscriptionId), cancellationToken), cancellationToken);

    [HttpPost("resume")]
    public Task<IActionResult> Resume(int listId, Guid version, int inscriptionId, [FromServices] TimeSpeaker.Handler handler, CancellationToken cancellationToken) =>
        ActAsync(listId, () => handler.HandleAsync(new(listId, version, TimeSpeaker.Step.Resume, inscriptionId), cancellationToken), cancellationToken);

    [HttpPost("stop")]
    public Task<IActionResult> Stop(int listId, Guid version, int inscriptionId, [FromServices] TimeSpeaker.Handler handler, CancellationToken cancellationToken) =>
        ActAsync(listId, () => handler.HandleAsync(new(listId, version, TimeSpeaker.Step.Stop, inscriptionId), cancellationToken), cancellationToken);

    /// <summary>The preset buttons post <paramref name="seconds"/>; the custom field posts <paramref name="customSeconds"/>.</summary>
    [HttpPost("extend")]
    public Task<IActionResult> Extend(int listId, Guid version, int inscriptionId, int? seconds, int? customSeconds, [FromServices] TimeSpeaker.Handler handler, CancellationToken cancellationToken)
    {
        ViewData[nameof(customSeconds)] = customSeconds;
        return ActAsync(listId, () => handler.HandleAsync(new(listId, version, TimeSpeaker.Step.Extend, inscriptionId, seconds ?? customSeconds ?? 0), cancellationToken), cancellationToken);
    }

    [HttpPost("close")]
    public async Task<IActionResult> Close(int listId, Guid version, [FromServices] CloseOrReopenList.Handler handler, [FromServices] CloseOrReopenList.ConfirmationHandler confirmation, CancellationToken cancellationToken) =>
        !this.IsConfirmed()
            ? await this.AskToConfirmAsync(confirmation.HandleAsync(listId, cancellationToken))
            : await ActAsync(listId, () => handler.HandleAsync(new(listId, version, Open: false), cancellationToken), cancellationToken);

    [HttpPost("reopen")]
    public Task<IActionResult> Reopen(int listId, Guid version, [FromServices] CloseOrReopenList.Handler handler, CancellationToken cancellationToken) =>
        ActAsync(listId, () => handler.HandleAsync(new(listId, version, Open: true), cancellationToken), cancellationToken);

    [HttpPost("move-up")]
    public Task<IActionResult> MoveUp(int listId, Guid version, int inscriptionId, [FromServices] MoveSpeaker.Handler handler, CancellationToken cancellationToken) =>
        ActAsync(listId, () => handler.HandleAsync(new(listId, version, MoveSpeaker.Step.Up, inscriptionId), cancellationToken), cancellationToken);

    [HttpPost("move-down")]
    public Task<IActionResult> MoveDown(int listId, Guid version, int inscriptionId, [FromServices] MoveSpeaker.Handler handler, CancellationToken cancellationToken) =>
        ActAsync(listId, () => handler.HandleAsync(new(listId, version, MoveSpeaker.Step.Down, inscriptionId), cancellationToken), cancellationToken);

    [HttpPost("move-to")]
    public Task<IActionResult> MoveTo(int listId, Guid version, int inscriptionId, int? place, [FromServices] MoveSpeaker.Handler handler, CancellationToken cancellationToken)
    {
        ViewData[nameof(inscriptionId)] = inscriptionId;
        ViewData[nameof(place)] = place;
        return ActAsync(listId, () => handler.HandleAsync(new(listId, version, MoveSpeaker.Step.ToPlace, inscriptionId, place ?? 0), cancellationToken), cancellationToken);
    }

    [HttpPost("return-to-order")]
    public Task<IActionResult> ReturnToProtocolOrder(int listId, Guid version, int inscriptionId, [FromServices] MoveSpeaker.Handler handler, CancellationToken cancellationToken) =>
        ActAsync(listId, () => handler.HandleAsync(new(listId, version, MoveSpeaker.Step.ReturnToProtocolOrder, inscriptionId), cancellationToken), cancellationToken);

    /// <summary>
    /// Runs one action. Done: back to the console (a reload does not post again). Refused by a rule, or taken on a
    /// list changed since the page was read: the console again, fresh, with the reason; nothing was saved.
    /// </summary>
    private async Task<IActionResult> ActAsync(int listId, Func<Task<bool>> action, CancellationToken cancellationToken)
    {
        switch (await this.RunFormCommandAsync(action))
        {
            case FormOutcome.Done:
                return Redirect($"/speakers/{listId}/console");
            case FormOutcome.NotFound:
                return NotFound();
        }

        var fresh = await console.HandleAsync(listId, cancellationToken);
        return fresh is null ? NotFound() : View("Console", fresh);
    }
}
