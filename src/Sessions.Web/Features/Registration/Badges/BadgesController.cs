using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sessions.Core.Accounts;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Registration.Badges;

/// <summary>
/// Badges of approved participants (signed-in users only, by the fallback policy). An unknown, guessed or
/// revoked token, and a badge that is not the viewer's to see, all get the same "not valid" 404 page.
/// </summary>
[Route("badges")]
public sealed class BadgesController(PublicLinks links) : Controller
{
    private BadgeAccess.Viewer Viewer => new(User.FindFirstValue(ClaimTypes.NameIdentifier), User.IsInRole(Roles.Secretariat));

    [HttpGet("{token}")]
    public async Task<IActionResult> Show(string token, [FromServices] ShowBadge.Handler handler) =>
        await handler.HandleAsync(token, Viewer, Cultures.Current) is { } badge ? View(badge) : NotValid();

    [HttpGet("{token}/qr.png")]
    public async Task<IActionResult> QrCode(string token, [FromServices] ShowBadge.Handler handler) =>
        await handler.QrCodeAsync(token, Viewer, BadgeUrl(token)) is { } png ? File(png, "image/png") : NotFound();

    [HttpGet("delegation/{delegationId:int}")]
    public async Task<IActionResult> Delegation(int delegationId, [FromServices] DelegationBadges.Handler handler) =>
        await handler.HandleAsync(delegationId, Viewer, Cultures.Current) is { } model ? View(model) : NotFound();

    private IActionResult NotValid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View(nameof(NotValid));
    }

    /// <summary>What the QR code carries: the badge page on the public address (or this request's).</summary>
    private string BadgeUrl(string token) => links.Absolute($"/badges/{token}");
}
