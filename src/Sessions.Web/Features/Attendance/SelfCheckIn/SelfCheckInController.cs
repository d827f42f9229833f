using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Attendance.SelfCheckIn;

/// <summary>A participant's own check-in to the meetings whose self check-in is open (signed-in users, by the fallback policy).</summary>
[Route("check-in")]
public sealed class SelfCheckInController(IStringLocalizer<Text> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] SelfCheckIn.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.OpenAsync(UserId, cancellationToken));

    [HttpPost("{meetingId:int}")]
    public async Task<IActionResult> Confirm(int meetingId, [FromServices] SelfCheckIn.Handler handler, CancellationToken cancellationToken)
    {
        if (await this.RefusalOfAsync(async () => TempData["CheckIn"] = t.For(await handler.ConfirmAsync(UserId, meetingId, cancellationToken)).ToString()) is { } refusal)
        {
            TempData["CheckInRefused"] = refusal;
        }

        return Redirect("/check-in");
    }
}
