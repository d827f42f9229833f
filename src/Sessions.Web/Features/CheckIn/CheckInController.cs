using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.CheckIn;

/// <summary>The secretariat's door: badges read or typed record their holders present at a meeting.</summary>
[Authorize(Policy = Policies.Secretariat)]
[Route("sessions/manage/{sessionId:int}/check-in")]
public sealed class CheckInController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Door(int sessionId, int? meetingId, [FromServices] CheckInAtTheDoor.Handler handler, CancellationToken cancellationToken) =>
        await handler.PageAsync(sessionId, meetingId, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Scan(int sessionId, [FromForm] int meetingId, [FromForm] string? code, [FromServices] CheckInAtTheDoor.Handler handler, CancellationToken cancellationToken)
    {
        var model = await handler.ScanAsync(sessionId, meetingId, code, User.FindFirstValue(ClaimTypes.NameIdentifier)!, Cultures.Current, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        if (model.Refusal is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return View(nameof(Door), model);
    }
}
