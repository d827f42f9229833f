using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Web.Features.Registration.Delegations;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Sessions.Schedule;

/// <summary>The public session pages, and the secretariat's management of sessions, agendas and meetings under /sessions/manage.</summary>
[Authorize(Policy = Policies.Secretariat)]
[Route("sessions")]
public sealed class SessionsController(IStringLocalizer<Text> t) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListSessions.Handler handler, int page = 1) =>
        View(await handler.HandleAsync(page));

    [AllowAnonymous]
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] ShowSession.Handler handler, [FromServices] RegistrationOffers.Handler offers)
    {
        var model = await handler.HandleAsync(id);
        if (model is null)
        {
            return NotFound();
        }

        if (User.IsInRole(Roles.FocalPoint) && User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            model = model with { RegistrationOffers = await offers.HandleAsync(userId, Cultures.Current, id, HttpContext.RequestAborted) };
        }

        return View(model);
    }

    [HttpGet("manage")]
    public async Task<IActionResult> Manage([FromServices] ManageSessions.Handler handler, int? bodyId, int page = 1) =>
        View(await handler.HandleAsync(bodyId, page));

    [HttpGet("manage/new")]
    public async Task<IActionResult> Create(int? bodyId, [FromServices] SaveSession.Handler handler) =>
        View("SessionForm", await handler.NewAsync(bodyId));

    [HttpPost("manage/new")]
    public async Task<IActionResult> Create(SaveSession.Command command, [FromServices] SaveSession.Handler handler)
    {
        command.Id = 0;
        var id = 0;
        if (await this.RunFormCommandAsync(async () => id = await handler.CreateAsync(command)) == FormOutcome.Done)
        {
            TempData["Success"] = t["Saved."].Value;
            return Redirect($"/sessions/manage/{id}");
        }

        await handler.FillOptionsAsync(command);
        return View("SessionForm", command);
    }

    [HttpGet("manage/{id:int}")]
    public async Task<IActionResult> ManageSession(int id, [FromServices] ManageSession.Handler handler)
    {
        var model = await handler.HandleAsync(id);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("manage/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveSession.Handler handler)
    {
        var command = await handler.LoadAsync(id);
        return command is null ? NotFound() : View("SessionForm", command);
    }

    [HttpPost("manage/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, SaveSession.Command command, [FromServices] SaveSession.Handler handler)
    {
        command.Id = id;
        switch (await this.RunFormCommandAsync(() => handler.UpdateAsync(command)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["Saved."].Value;
                return Redirect($"/sessions/manage/{id}");
            case FormOutcome.NotFound:
                return NotFound();
            case FormOutcome.ChangedMeanwhile:
                return await handler.LoadAsync(id) is { } current ? this.ShowCurrentVersion("SessionForm", current) : NotFound();
        }

        await handler.FillOptionsAsync(command);
        return View("SessionForm", command);
    }

    [HttpGet("manage/{id:int}/agenda/new")]
    public async Task<IActionResult> AddAgendaItem(int id, [FromServices] SaveAgendaItem.Handler handler)
    {
        var command = await handler.NewAsync(id);
        return command is null ? NotFound() : View("AgendaItemForm", command);
    }

    [HttpPost("manage/{id:int}/agenda/new")]
    public Task<IActionResult> AddAgendaItem(int id, SaveAgendaItem.Command command, [FromServices] SaveAgendaItem.Handler handler) =>
        SaveAgendaItemAsync(id, 0, command, handler);

    [HttpGet("manage/{id:int}/agenda/{itemId:int}/edit")]
    public async Task<IActionResult> EditAgendaItem(int id, int itemId, [FromServices] SaveAgendaItem.Handler handler)
    {
        var command = await handler.LoadAsync(id, itemId);
        return command is null ? NotFound() : View("AgendaItemForm", command);
    }

    [HttpPost("manage/{id:int}/agenda/{itemId:int}/edit")]
    public Task<IActionResult> EditAgendaItem(int id, int itemId, SaveAgendaItem.Command command, [FromServices] SaveAgendaItem.Handler handler) =>
        SaveAgendaItemAsync(id, itemId, command, handler);

    [HttpPost("manage/{id:int}/agenda/{itemId:int}/move-up")]
    public Task<IActionResult> MoveAgendaItemUp(int id, int itemId, [FromServices] ChangeAgenda.Handler handler) =>
        ChangeAgendaAsync(id, itemId, ChangeAgenda.Change.MoveUp, handler);

    [HttpPost("manage/{id:int}/agenda/{itemId:int}/move-down")]
    public Task<IActionResult> MoveAgendaItemDown(int id, int itemId, [FromServices] ChangeAgenda.Handler handler) =>
        ChangeAgendaAsync(id, itemId, ChangeAgenda.Change.MoveDown, handler);

    [HttpPost("manage/{id:int}/agenda/{itemId:int}/delete")]
    public async Task<IActionResult> DeleteAgendaItem(int id, int itemId, [FromServices] ChangeAgenda.Handler handler, [FromServices] ConfirmDeletion.Handler confirmation) =>
        !this.IsConfirmed()
            ? await this.AskToConfirmAsync(confirmation.AgendaItemAsync(id, itemId))
            : await ChangeAgendaAsync(id, itemId, ChangeAgenda.Change.Delete, handler);

    [HttpGet("manage/{id:int}/meetings/new")]
    public async Task<IActionResult> AddMeeting(int id, [FromServices] SaveMeeting.Handler handler)
    {
        var command = await handler.NewAsync(id);
        return command is null ? NotFound() : View("MeetingForm", command);
    }

    [HttpPost("manage/{id:int}/meetings/new")]
    public Task<IActionResult> AddMeeting(int id, SaveMeeting.Command command, [FromServices] SaveMeeting.Handler handler) =>
        SaveMeetingAsync(id, 0, command, handler);

    [HttpGet("manage/{id:int}/meetings/{meetingId:int}/edit")]
    public async Task<IActionResult> EditMeeting(int id, int meetingId, [FromServices] SaveMeeting.Handler handler)
    {
        var command = await handler.LoadAsync(id, meetingId);
        return command is null ? NotFound() : View("MeetingForm", command);
    }

    [HttpPost("manage/{id:int}/meetings/{meetingId:int}/edit")]
    public Task<IActionResult> EditMeeting(int id, int meetingId, SaveMeeting.Command command, [FromServices] SaveMeeting.Handler handler) =>
        SaveMeetingAsync(id, meetingId, command, handler);

    [HttpPost("manage/{id:int}/meetings/{meetingId:int}/delete")]
    public async Task<IActionResult> DeleteMeeting(int id, int meetingId, [FromServices] DeleteMeeting.Handler handler, [FromServices] ConfirmDeletion.Handler confirmation)
    {
        if (!this.IsConfirmed())
        {
            return await this.AskToConfirmAsync(confirmation.MeetingAsync(id, meetingId));
        }

        var found = true;
        if (await this.RefusalOfAsync(async () => found = await handler.HandleAsync(id, meetingId)) is { } problem)
        {
            TempData["Problem"] = problem;
        }
        else if (!found)
        {
            return NotFound();
        }
        else
        {
            TempData["Success"] = t["The meeting was deleted."].Value;
        }

        return Redirect($"/sessions/manage/{id}#meetings");
    }

    private async Task<IActionResult> SaveAgendaItemAsync(int id, int itemId, SaveAgendaItem.Command command, SaveAgendaItem.Handler handler)
    {
        command.SessionId = id;
        command.ItemId = itemId;
        switch (await this.RunFormCommandAsync(() => handler.HandleAsync(command)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["Saved."].Value;
                return Redirect($"/sessions/manage/{id}#agenda");
            case FormOutcome.NotFound:
                return NotFound();
        }

        command.SessionSymbol = await handler.SymbolAsync(id);
        return View("AgendaItemForm", command);
    }

    private async Task<IActionResult> ChangeAgendaAsync(int id, int itemId, ChangeAgenda.Change change, ChangeAgenda.Handler handler)
    {
        var found = true;
        if (await this.RefusalOfAsync(async () => found = await handler.HandleAsync(id, itemId, change)) is { } problem)
        {
            TempData["Problem"] = problem;
        }
        else if (!found)
        {
            return NotFound();
        }

        return Redirect($"/sessions/manage/{id}#agenda");
    }

    private async Task<IActionResult> SaveMeetingAsync(int id, int meetingId, SaveMeeting.Command command, SaveMeeting.Handler handler)
    {
        command.SessionId = id;
        command.MeetingId = meetingId;
        if (meetingId != 0)
        {
            // A meeting keeps its number: attendance is recorded against it.
            ModelState.Remove(nameof(SaveMeeting.Command.Number));
        }

        if (!command.HasName)
        {
            // The name is optional: a form left empty in every language is no name, not a missing original.
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(SaveMeeting.Command.Name) + ".", StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
        }

        switch (await this.RunFormCommandAsync(() => handler.HandleAsync(command)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["Saved."].Value;
                return Redirect($"/sessions/manage/{id}#meetings");
            case FormOutcome.NotFound:
                return NotFound();
        }

        await handler.DescribeAsync(command);
        return View("MeetingForm", command);
    }
}
