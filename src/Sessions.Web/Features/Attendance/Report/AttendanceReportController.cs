using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Attendance.Report;

/// <summary>
/// The Excel attendance report of a session, made in the background: the page, the request (joining a run under
/// way), its progress and the download. Anyone but the secretariat, and any unknown session or run, gets 404: the
/// report's existence is not disclosed.
/// </summary>
[Route("sessions/manage/{sessionId:int}/attendance-report")]
public sealed class AttendanceReportController(IStringLocalizer<Text> t) : Controller
{
    private bool IsSecretariat => User.IsInRole(Roles.Secretariat);

    [HttpGet("")]
    public async Task<IActionResult> Index(int sessionId, [FromServices] ShowAttendanceReport.Handler handler, CancellationToken cancellationToken)
    {
        if (!IsSecretariat)
        {
            return NotFound();
        }

        var model = await handler.HandleAsync(sessionId, Cultures.Current, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("")]
    public async Task<IActionResult> Prepare(int sessionId, [FromServices] PrepareAttendanceReport.Handler handler, CancellationToken cancellationToken)
    {
        if (!IsSecretariat)
        {
            return NotFound();
        }

        var runId = await handler.HandleAsync(sessionId, Cultures.Current, User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
        return runId is null ? NotFound() : RedirectToAction(nameof(Index), new { sessionId });
    }

    [HttpGet("progress")]
    public async Task<IActionResult> Progress(int sessionId, [FromServices] ShowAttendanceReport.Handler handler, CancellationToken cancellationToken)
    {
        if (!IsSecretariat)
        {
            return NotFound();
        }

        var (found, run) = await handler.ProgressAsync(sessionId, Cultures.Current, cancellationToken);
        if (!found)
        {
            return NotFound();
        }

        return Json(new
        {
            status = run?.Status.ToString(),
            statusLabel = run is null ? null : t.For(run.Status).ToString(),
            percent = run?.Percent ?? 0,
            finished = run is not { IsActive: true },
            downloadUrl = run is { Status: Core.Attendance.ReportRunStatus.Ready } ? ShowAttendanceReport.DownloadUrlOf(sessionId, run.Id) : null,
        });
    }

    [HttpGet("{runId:int}/download")]
    public async Task<IActionResult> Download(int sessionId, int runId, [FromServices] ShowAttendanceReport.Handler handler, CancellationToken cancellationToken)
    {
        if (!IsSecretariat)
        {
            return NotFound();
        }

        var download = await handler.DownloadAsync(sessionId, runId, cancellationToken);
        return download is null ? NotFound() : PhysicalFile(download.Path, WriteAttendanceReport.ContentType, download.FileName);
    }
}
