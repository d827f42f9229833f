using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Registration.SpecialRequirements;

/// <summary>
/// A participant's accessibility and dietary needs: stated by the participant (private link or account) or their focal
/// point, listed for the secretariat per session. Anyone else gets 404; the pages are never cached.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SpecialRequirementsController(IStringLocalizer<Text> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    [AllowAnonymous]
    [HttpGet("/participants/confirm/{token}/requirements")]
    public Task<IActionResult> StateByLink(string token, [FromServices] StateRequirements.Handler handler) =>
        ShowAsync(ParticipantAccess.ByToken(token), handler, null);

    [AllowAnonymous]
    [HttpPost("/participants/confirm/{token}/requirements")]
    public Task<IActionResult> StateByLink(string token, NeedsForm form, [FromServices] StateRequirements.Handler handler) =>
        StateAsync(ParticipantAccess.ByToken(token), form, handler);

    [HttpGet("/participants/{participantId:int}/requirements")]
    public Task<IActionResult> StateByAccount(int participantId, [FromServices] StateRequirements.Handler handler) =>
        ShowAsync(ParticipantAccess.ByAccount(participantId, User), handler, null);

    [HttpPost("/participants/{participantId:int}/requirements")]
    public Task<IActionResult> StateByAccount(int participantId, NeedsForm form, [FromServices] StateRequirements.Handler handler) =>
        StateAsync(ParticipantAccess.ByAccount(participantId, User), form, handler);

    [Authorize(Policy = Policies.Secretariat)]
    [HttpGet("/sessions/manage/{sessionId:int}/special-requirements")]
    public async Task<IActionResult> Index(int sessionId, [FromServices] ListRequirements.Handler handler, int page = 1) =>
        await handler.HandleAsync(sessionId, page, Cultures.Current) is { } model ? View(model) : NotFound();

    private async Task<IActionResult> ShowAsync(ParticipantAccess access, StateRequirements.Handler handler, NeedsForm? typed) =>
        await handler.LoadAsync(access, typed) is { } model ? View("State", model) : NotFound();

    private async Task<IActionResult> StateAsync(ParticipantAccess access, NeedsForm form, StateRequirements.Handler handler)
    {
        switch (await this.RunFormCommandAsync(() => handler.HandleAsync(access, form)))
        {
            case FormOutcome.NotFound:
                return NotFound();
            case FormOutcome.Done:
                TempData["Success"] = t["Saved."].Value;
                return Redirect(access.BasePath + "/requirements");
            default:
                return await ShowAsync(access, handler, form);
        }
    }
}
