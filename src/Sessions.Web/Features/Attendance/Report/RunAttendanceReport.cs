using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Attendance;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Attendance.Report;

/// <summary>
/// The background job that makes one run's report: it takes the run (Queued to Running, so a second start does
/// nothing), writes the workbook in the run's language to a file under the data directory, saves how many rows it
/// has written as it goes (the page's progress bar), and marks the run Ready, or Failed so that it can be asked again.
/// </summary>
public static class RunAttendanceReport
{
    public const string Folder = "reports";

    /// <summary>
    /// At start-up, with in-process job storage: a run still queued or running had its job in the process that stopped,
    /// and no job survives a restart. It is failed at once and its partial file removed, so that the next request starts
    /// a new run instead of joining a dead one until <see cref="AttendanceReportRun.AbandonedAfter"/>.
    /// </summary>
    public static async Task FailInterruptedRunsAsync(SessionsDbContext db, DataDirectory data, TimeProvider clock, ILogger logger)
    {
        var interrupted = await db.AttendanceReportRuns.AsNoTracking()
            .Where(r => r.Status == ReportRunStatus.Queued || r.Status == ReportRunStatus.Running)
            .Select(r => new { r.Id, r.SessionId })
            .ToListAsync();
        if (interrupted.Count == 0)
        {
            return;
        }

        var ids = interrupted.Select(r => r.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.AttendanceReportRuns.Where(r => ids.Contains(r.Id) && (r.Status == ReportRunStatus.Queued || r.Status == ReportRunStatus.Running)).FailAsync(now);
        var folder = data.Combine(Folder);
        if (Directory.Exists(folder))
        {
            foreach (var run in interrupted)
            {
                foreach (var partial in Directory.EnumerateFiles(folder, $"attendance-{run.SessionId}-{run.Id}-*.xlsx.part"))
                {
                    File.Delete(partial);
                }
            }
        }

        logger.LogWarning("Attendance report runs {RunIds} were interrupted by the last stop: marked failed", ids);
    }

    public sealed class Handler(
        SessionsDbContext db,
        WriteAttendanceReport.Handler writer,
        IServiceScopeFactory scopes,
        DataDirectory data,
        TimeProvider clock,
        ILogger<Handler> logger)
    {
        // A failed run is shown as failed and asked again by a person; Hangfire must not retry it behind their back.
        [AutomaticRetry(Attempts = 0)]
        public async Task RunAsync(int runId, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var taken = await db.AttendanceReportRuns.TakeAsync(runId, now, cancellationToken);
            if (taken == 0)
            {
                return;
            }

            var run = await db.AttendanceReportRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
            var relative = Path.Combine(Folder, $"attendance-{run.SessionId}-{run.Id}-{Guid.NewGuid():N}.xlsx");
            var path = data.Combine(relative);
            var partial = path + ".part";
            using var inLanguage = Cultures.Use(run.Language);
            using var progressScope = scopes.CreateScope();
            var progressDb = progressScope.ServiceProvider.GetRequiredService<SessionsDbContext>();
            try
            {
                Directory.CreateDirectory(data.Combine(Folder));
                var progress = new WriteAttendanceReport.RowProgress((written, token) => SaveAsync(progressDb, runId, written, null, token));
                bool written;
                await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    written = await writer.WriteAsync(run.SessionId, file, progress, (expected, token) => SaveAsync(progressDb, runId, 0, expected, token), cancellationToken);
                }

                if (!written)
                {
                    throw new InvalidOperationException($"Session {run.SessionId} no longer exists.");
                }

                File.Move(partial, path);
                var finished = clock.GetUtcNow().UtcDateTime;
                var size = new FileInfo(path).Length;
                await db.AttendanceReportRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, ReportRunStatus.Ready)
                    .SetProperty(r => r.RowsWritten, r => r.RowsExpected)
                    .SetProperty(r => r.StoredPath, relative)
                    .SetProperty(r => r.FileSize, size)
                    .SetProperty(r => r.FinishedAt, finished)
                    .SetProperty(r => r.ProgressAt, finished)
                    .SetProperty(r => r.Version, Guid.NewGuid()), CancellationToken.None);
                await ForgetOlderFilesAsync(run, CancellationToken.None);
                logger.LogInformation("Attendance report {RunId} of session {SessionId} ({Language}) ready: {Size} bytes", runId, run.SessionId, run.Language, size);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Attendance report {RunId} of session {SessionId} failed", runId, run.SessionId);
                await db.AttendanceReportRuns.Where(r => r.Id == runId).FailAsync(clock.GetUtcNow().UtcDateTime);
                if (File.Exists(partial))
                {
                    File.Delete(partial);
                }

                throw;
            }
        }

        /// <summary>How far the run has gone (rows written, and rows expected once known): the page's progress bar, and the run's heartbeat.</summary>
        private Task SaveAsync(SessionsDbContext progressDb, int runId, int written, int? expected, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return progressDb.AttendanceReportRuns.Where(r => r.Id == runId && r.Status == ReportRunStatus.Running)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.RowsWritten, written)
                    .SetProperty(r => r.RowsExpected, r => expected ?? r.RowsExpected)
                    .SetProperty(r => r.ProgressAt, now), cancellationToken);
        }

        /// <summary>Only the latest report of a session in a language is kept on disk; the older runs stay as history.</summary>
        private async Task ForgetOlderFilesAsync(AttendanceReportRun run, CancellationToken cancellationToken)
        {
            try
            {
                await ForgetAsync(run, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbUpdateException)
            {
                // The new report is ready all the same; an old file left behind is only disk space.
                logger.LogWarning(e, "Older attendance reports of session {SessionId} ({Language}) not removed", run.SessionId, run.Language);
            }
        }

        private async Task ForgetAsync(AttendanceReportRun run, CancellationToken cancellationToken)
        {
            var older = await db.AttendanceReportRuns.AsNoTracking()
                .Where(r => r.SessionId == run.SessionId && r.Language == run.Language && r.Id < run.Id && r.StoredPath != null)
                .Select(r => new { r.Id, r.StoredPath }).ToListAsync(cancellationToken);
            foreach (var old in older)
            {
                await db.AttendanceReportRuns.Where(r => r.Id == old.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.StoredPath, (string?)null), cancellationToken);
                File.Delete(data.Combine(old.StoredPath!));
            }
        }
    }
}
