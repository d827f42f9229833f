using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Core.Attendance;
using Sessions.Core.Registration;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Attendance.CheckIn;

/// <summary>The secretariat's attendance: the door (badges read or typed) and each meeting's roster.</summary>
[Authorize(Policy = Policies.Secretariat)]
[Route("sessions/manage/{sessionId:int}")]
public sealed class CheckInController(IStringLocalizer<Text> t) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("check-in")]
    public async Task<IActionResult> Door(int sessionId, int? meetingId, [FromServices] CheckInAtTheDoor.Handler handler, CancellationToken cancellationToken) =>
        await handler.PageAsync(sessionId, meetingId, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("check-in")]
    public async Task<IActionResult> Scan(int sessionId, [FromForm] int meetingId, [FromForm] string? code, [FromServices] CheckInAtTheDoor.Handler handler, CancellationToken cancellationToken)
    {
        var model = await handler.ScanAsync(sessionId, meetingId, code, UserId, Cultures.Current, cancellationToken);
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

    [HttpGet("meetings/{meetingId:int}/roster")]
    public async Task<IActionResult> Roster(int sessionId, int meetingId, int page, string? search, [FromServices] MeetingRoster.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(sessionId, meetingId, page, search, Cultures.Current, cancellationToken: cancellationToken) is { } model ? View(model) : NotFound();

    /// <summary>
    /// One participant's mark (<paramref name="mark"/> = "{participantId}:{status}") or the same <paramref name="status"/>
    /// for every participant selected; the roster is shown again at the same page with what was recorded.
    /// </summary>
    [HttpPost("meetings/{meetingId:int}/roster")]
    public async Task<IActionResult> Mark(
        int sessionId,
        int meetingId,
        [FromForm] int page,
        [FromForm] string? search,
        [FromForm] string? mark,
        [FromForm] AttendanceStatus? status,
        [FromForm] List<int> participantIds,
        [FromServices] MeetingRoster.Handler handler,
        CancellationToken cancellationToken)
    {
        AttendanceMode? mode = null;
        if (mark?.Split(':') is [var one, var single, .. var way] && way.Length <= 1 && int.TryParse(one, out var participantId) && Enum.TryParse<AttendanceStatus>(single, out var singleStatus) && Enum.IsDefined(singleStatus))
        {
            (participantIds, status) = ([participantId], singleStatus);
            if (way is [var given] && Enum.TryParse<AttendanceMode>(given, out var tookPart) && Enum.IsDefined(tookPart))
            {
                mode = tookPart;
            }
        }

        string message;
        if (status is not { } chosen || !Enum.IsDefined(chosen))
        {
            message = t["Choose Present, Absent or Excused."];
        }
        else if (participantIds.Count == 0)
        {
            message = t["Select the participants to mark first."];
        }
        else if (await handler.MarkAsync(sessionId, meetingId, participantIds, chosen, UserId, cancellationToken, mode) is { } count)
        {
            message = t["{0} marked {1}.", count, t.For(chosen)];
        }
        else
        {
            return NotFound();
        }

        return await handler.HandleAsync(sessionId, meetingId, page, search, Cultures.Current, message, cancellationToken) is { } model ? View(nameof(Roster), model) : NotFound();
    }

    [HttpPost("meetings/{meetingId:int}/self-check-in")]
    public async Task<IActionResult> SelfCheckIn(int sessionId, int meetingId, [FromForm] bool open, [FromServices] MeetingRoster.Handler handler, CancellationToken cancellationToken) =>
        await handler.SetSelfCheckInAsync(sessionId, meetingId, open, cancellationToken)
            ? Redirect($"/sessions/manage/{sessionId}/meetings/{meetingId}/roster")
            : NotFound();
}
