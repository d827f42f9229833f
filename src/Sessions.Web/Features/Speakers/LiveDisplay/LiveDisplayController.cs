using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sessions.Core.Accounts;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Speakers.LiveDisplay;

/// <summary>
/// The public live display of a speakers list, made for a projector, its state as JSON (which the display
/// fetches after a dropped connection), and the index of a session's lists. Anyone may read them, without
/// signing in, once the session is published; the secretariat sees them before.
/// </summary>
[AllowAnonymous]
public sealed class LiveDisplayController : Controller
{
    [HttpGet("speakers/{listId:int}/live")]
    public async Task<IActionResult> Show(int listId, [FromServices] LiveState.Handler handler, CancellationToken cancellationToken)
    {
        var model = await ReadAsync(listId, handler, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>
    /// The projector mode: the same list made to fill a 16:9 screen with nothing to scroll, for the room, never
    /// personal. The console previews it in a frame, so it alone may be framed, by the app's own pages.
    /// </summary>
    [HttpGet("speakers/{listId:int}/projector")]
    [FramedBySameOrigin]
    public async Task<IActionResult> Projector(int listId, [FromServices] LiveState.Handler handler, CancellationToken cancellationToken)
    {
        var model = await ReadAsync(listId, handler, cancellationToken, personal: false);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("speakers/{listId:int}/live/state")]
    public async Task<IActionResult> State(int listId, [FromServices] LiveState.Handler handler, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var model = await ReadAsync(listId, handler, cancellationToken);
        return model is null ? NotFound() : Json(model);
    }

    [HttpGet("sessions/{sessionId:int}/speakers")]
    public async Task<IActionResult> Index(int sessionId, [FromServices] SessionSpeakersLists.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(sessionId, User.IsInRole(Roles.Secretariat), cancellationToken) is { } model ? View(model) : NotFound();

    private async Task<LiveState.Model?> ReadAsync(int listId, LiveState.Handler handler, CancellationToken cancellationToken, bool personal = true)
    {
        var snapshot = await handler.ReadAsync(listId, personal ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null, cancellationToken);
        return snapshot is not null && (snapshot.IsPublished || User.IsInRole(Roles.Secretariat)) ? handler.Describe(snapshot) : null;
    }
}
