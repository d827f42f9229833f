using Microsoft.EntityFrameworkCore;
using Sessions.Core.Attendance;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Attendance.Report;

/// <summary>
/// The attendance report page of a session: the latest run in the reader's language, how far it has gone, and the
/// file once it is ready. A run lost by a stopped server shows as failed, so that it can be asked again.
/// </summary>
public static class ShowAttendanceReport
{
    public sealed record Run(int Id, ReportRunStatus Status, int Percent, DateTime RequestedAt, DateTime? FinishedAt, long? FileSize, string RequestedBy)
    {
        public bool IsActive => Status is ReportRunStatus.Queued or ReportRunStatus.Running;
    }

    public sealed class Model
    {
        public int SessionId { get; init; }
        public string Symbol { get; init; } = "";
        public TranslatedText Title { get; init; } = null!;
        public string TimeZoneId { get; init; } = "";

        /// <summary>Null when no report has been asked for in this language.</summary>
        public Run? Latest { get; init; }

        public string ProgressUrl => $"/sessions/manage/{SessionId}/attendance-report/progress";

        public string? DownloadUrl => Latest is { Status: ReportRunStatus.Ready } run ? DownloadUrlOf(SessionId, run.Id) : null;
    }

    public static string DownloadUrlOf(int sessionId, int runId) => $"/sessions/manage/{sessionId}/attendance-report/{runId}/download";

    public sealed record Download(string Path, string FileName);

    public sealed class Handler(SessionsDbContext db, DataDirectory data, TimeProvider clock)
    {
        /// <summary>Null when there is no such session.</summary>
        public async Task<Model?> HandleAsync(int sessionId, string language, CancellationToken cancellationToken)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session is null)
            {
                return null;
            }

            var latest = await LatestAsync(sessionId, language, cancellationToken);
            return new Model
            {
                SessionId = sessionId,
                Symbol = session.Symbol,
                Title = session.Title,
                TimeZoneId = session.TimeZoneId,
                Latest = latest is null ? null : latest with
                {
                    RequestedAt = session.ToLocal(latest.RequestedAt),
                    FinishedAt = session.ToLocal(latest.FinishedAt),
                },
            };
        }

        /// <summary>The latest run for the progress bar; (false, null) when there is no such session.</summary>
        public async Task<(bool Found, Run? Run)> ProgressAsync(int sessionId, string language, CancellationToken cancellationToken)
        {
            if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, cancellationToken))
            {
                return (false, null);
            }

            return (true, await LatestAsync(sessionId, language, cancellationToken));
        }

        /// <summary>The ready file of one of the session's runs; null when there is none.</summary>
        public async Task<Download?> DownloadAsync(int sessionId, int runId, CancellationToken cancellationToken)
        {
            var run = await db.AttendanceReportRuns.AsNoTracking()
                .Where(r => r.Id == runId && r.SessionId == sessionId && r.Status == ReportRunStatus.Ready && r.StoredPath != null)
                .Join(db.Sessions, r => r.SessionId, s => s.Id, (r, s) => new { r.StoredPath, r.Language, s.Symbol })
                .SingleOrDefaultAsync(cancellationToken);
            if (run is null)
            {
                return null;
            }

            var path = data.Combine(run.StoredPath!);
            var symbol = string.Concat(run.Symbol.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
            return File.Exists(path) ? new Download(path, $"attendance-report-{symbol}-{run.Language}.xlsx") : null;
        }

        private async Task<Run?> LatestAsync(int sessionId, string language, CancellationToken cancellationToken)
        {
            var latest = await db.AttendanceReportRuns.AsNoTracking()
                .Where(r => r.SessionId == sessionId && r.Language == language)
                .OrderByDescending(r => r.Id)
                .Select(r => new
                {
                    Run = r,
                    RequestedBy = db.Users.Where(u => u.Id == r.RequestedByUserId).Select(u => u.FullName == "" ? u.Email : u.FullName).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (latest is null)
            {
                return null;
            }

            var run = latest.Run;
            var status = run.IsAbandonedAt(clock.GetUtcNow().UtcDateTime) ? ReportRunStatus.Failed : run.Status;
            return new Run(run.Id, status, AttendanceReportRun.Of(status, run.RowsWritten, run.RowsExpected), run.RequestedAt, run.FinishedAt, run.FileSize, latest.RequestedBy ?? "");
        }
    }
}
