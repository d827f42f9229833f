using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Bodies;

[Authorize(Policy = Policies.Secretariat)]
[Route("bodies")]
public sealed class BodiesController(IStringLocalizer<Text> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListBodies.Handler handler, int page = 1) =>
        View(await handler.HandleAsync(page));

    [HttpGet("new")]
    public IActionResult Create() => View("BodyForm", new SaveBody.Command());

    [HttpPost("new")]
    public async Task<IActionResult> Create(SaveBody.Command command, [FromServices] SaveBody.Handler handler)
    {
        command.Id = 0;
        var id = 0;
        if (await this.RunFormCommandAsync(async () => id = await handler.CreateAsync(command)) != FormOutcome.Done)
        {
            return View("BodyForm", command);
        }

        TempData["Success"] = t["Saved."].Value;
        return Redirect($"/bodies/{id}");
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] SaveBody.Handler handler)
    {
        var command = await handler.LoadAsync(id);
        return command is null ? NotFound() : View("BodyForm", command);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, SaveBody.Command command, [FromServices] SaveBody.Handler handler)
    {
        command.Id = id;
        switch (await this.RunFormCommandAsync(() => handler.UpdateAsync(command)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["Saved."].Value;
                return Redirect($"/bodies/{id}");
            case FormOutcome.NotFound:
                return NotFound();
            case FormOutcome.ChangedMeanwhile:
                return await handler.LoadAsync(id) is { } current ? this.ShowCurrentVersion("BodyForm", current) : NotFound();
            default:
                return View("BodyForm", command);
        }
    }

    /// <summary>The member-State picker's search as you type.</summary>
    [HttpGet("member-states")]
    public async Task<IActionResult> MemberStates(string? q, [FromServices] ShowBody.Handler handler) =>
        Json(await handler.SearchMemberStatesAsync(q));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] ShowBody.Handler handler, int page = 1)
    {
        var model = await handler.HandleAsync(id, page, new AddMember.Command());
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:int}/members")]
    public async Task<IActionResult> AddMember(int id, [Bind(Prefix = "NewMember")] AddMember.Command command, [FromServices] AddMember.Handler handler, [FromServices] ShowBody.Handler show)
    {
        switch (await this.RunFormCommandAsync(() => handler.HandleAsync(id, command)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["The member State was added."].Value;
                return Redirect($"/bodies/{id}");
            case FormOutcome.NotFound:
                return NotFound();
        }

        var model = await show.HandleAsync(id, 1, command);
        return model is null ? NotFound() : View("Show", model);
    }

    [HttpPost("{id:int}/members/{membershipId:int}/remove")]
    public async Task<IActionResult> RemoveMember(int id, int membershipId, [FromServices] RemoveMember.Handler handler, [FromServices] RemoveMember.ConfirmationHandler confirmation)
    {
        if (!this.IsConfirmed())
        {
            return await this.AskToConfirmAsync(confirmation.HandleAsync(id, membershipId));
        }

        switch (await this.RunFormCommandAsync(() => handler.HandleAsync(id, membershipId)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["The member State was removed."].Value;
                break;
            case FormOutcome.NotFound:
                return NotFound();
        }

        // Refused when someone else removed it already: the list there shows the current membership.

        return Redirect($"/bodies/{id}");
    }
}
