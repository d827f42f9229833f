using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Notices.Campaigns;

/// <summary>Bulk notices: compose, preview, send or schedule, follow the delivery.</summary>
[Authorize(Policy = Policies.Secretariat)]
[Route("notices/campaigns")]
public sealed class CampaignsController(ComposeCampaign.Handler compose, IStringLocalizer<Text> t) : Controller
{
    public const string MessageKey = "CampaignMessage";
    public const string ErrorKey = "CampaignError";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListCampaigns.Handler handler, CancellationToken cancellationToken, int page = 1) =>
        View(await handler.HandleAsync(page, cancellationToken));

    [HttpGet("/sessions/manage/{sessionId:int}/notices")]
    public async Task<IActionResult> OfSession(int sessionId, [FromServices] ListCampaigns.Handler handler, CancellationToken cancellationToken, int page = 1) =>
        await handler.HandleAsync(page, cancellationToken, sessionId) is { } model ? View(nameof(Index), model) : NotFound();

    [HttpGet("new")]
    public async Task<IActionResult> New(string? kind, int? sessionId, CancellationToken cancellationToken) =>
        View("Compose", await compose.NewAsync(kind, sessionId, cancellationToken));

    [HttpPost("new")]
    public async Task<IActionResult> New(ComposeCampaign.Command command, CancellationToken cancellationToken)
    {
        command.Id = 0;
        var id = 0;
        if (await this.RunFormCommandAsync(async () => id = await compose.CreateAsync(command, cancellationToken)) == FormOutcome.Done)
        {
            return Redirect($"/notices/campaigns/{id}");
        }

        await compose.FillOptionsAsync(command, cancellationToken);
        return View("Compose", command);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var command = await compose.LoadAsync(id, cancellationToken);
        return command is null ? NotFound() : View("Compose", command);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ComposeCampaign.Command command, CancellationToken cancellationToken)
    {
        command.Id = id;
        switch (await this.RunFormCommandAsync(() => compose.UpdateAsync(id, command, cancellationToken)))
        {
            case FormOutcome.Done:
                TempData[MessageKey] = t["Saved."].Value;
                return Redirect($"/notices/campaigns/{id}");
            case FormOutcome.NotFound:
                return NotFound();
            case FormOutcome.ChangedMeanwhile:
                return await compose.LoadAsync(id, cancellationToken) is { } current ? this.ShowCurrentVersion("Compose", current) : NotFound();
        }

        await compose.FillOptionsAsync(command, cancellationToken);
        return View("Compose", command);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, string? to, [FromServices] ShowCampaign.Handler handler, CancellationToken cancellationToken)
    {
        var model = await handler.HandleAsync(id, to, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("{id:int}/progress")]
    public async Task<IActionResult> Progress(int id, [FromServices] CampaignProgress.Handler handler, CancellationToken cancellationToken)
    {
        var counts = await handler.HandleAsync(id, cancellationToken);
        if (counts is null)
        {
            return NotFound();
        }

        return Json(new
        {
            status = counts.Status.ToString(),
            statusLabel = t.For(counts.Status),
            recipients = counts.Recipients,
            pending = counts.Pending,
            sending = counts.Sending,
            sent = counts.Sent,
            failed = counts.Failed,
            done = counts.Done,
            finished = counts.Finished,
        });
    }

    [HttpPost("{id:int}/send")]
    public async Task<IActionResult> Send(int id, SendCampaign.Command command, [FromServices] SendCampaign.Handler handler, [FromServices] SendCampaign.ConfirmationHandler confirmation, CancellationToken cancellationToken) =>
        !this.IsConfirmed()
            ? await this.AskToConfirmAsync(confirmation.HandleAsync(id, now: true, cancellationToken))
            : await ChangeAsync(id, () => handler.SendNowAsync(id, command, cancellationToken), t["The notice is being queued: follow its delivery below."].Value);

    [HttpPost("{id:int}/schedule")]
    public async Task<IActionResult> Schedule(int id, SendCampaign.Command command, [FromServices] SendCampaign.Handler handler, [FromServices] SendCampaign.ConfirmationHandler confirmation, CancellationToken cancellationToken) =>
        !this.IsConfirmed() && command.SendAt is not null
            ? await this.AskToConfirmAsync(confirmation.HandleAsync(id, now: false, cancellationToken))
            : await ChangeAsync(id, () => handler.ScheduleAsync(id, command, cancellationToken), t["The notice is scheduled."].Value);

    [HttpPost("{id:int}/cancel")]
    public Task<IActionResult> Cancel(int id, [FromServices] SendCampaign.Handler handler, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => handler.CancelAsync(id, cancellationToken), t["The scheduled notice is cancelled: it will not be sent."].Value);

    [HttpPost("{id:int}/resend-failed")]
    public async Task<IActionResult> ResendFailed(int id, [FromServices] DeliveryLog.ResendNotice.Handler handler, CancellationToken cancellationToken)
    {
        var count = await handler.HandleCampaignAsync(id, cancellationToken);
        TempData[MessageKey] = count > 0
            ? t["{0} failed messages will be sent again in a moment.", count].Value
            : t["No message of this notice has failed."].Value;
        return Redirect($"/notices/campaigns/{id}");
    }

    private async Task<IActionResult> ChangeAsync(int id, Func<Task<SendCampaign.Outcome>> change, string done)
    {
        var outcome = SendCampaign.Outcome.NotFound;
        if (await this.RefusalOfAsync(async () => outcome = await change()) is { } problem)
        {
            TempData[ErrorKey] = problem;
            return Redirect($"/notices/campaigns/{id}");
        }

        switch (outcome)
        {
            case SendCampaign.Outcome.NotFound:
                return NotFound();
            case SendCampaign.Outcome.AlreadyChanged:
                TempData[MessageKey] = t["This notice has changed since you opened it (it may already be on its way): nothing was done. Check where it stands below."].Value;
                break;
            default:
                TempData[MessageKey] = done;
                break;
        }

        return Redirect($"/notices/campaigns/{id}");
    }
}
