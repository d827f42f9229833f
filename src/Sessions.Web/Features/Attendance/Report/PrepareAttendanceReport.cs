using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Attendance;
using Sessions.Core.Data;

namespace Sessions.Web.Features.Attendance.Report;

/// <summary>
/// Asks for the attendance report of a session in the reader's language. While a run of the same session and
/// language is queued or running, the request joins it; otherwise a new run is recorded and its job queued. The
/// unique index over active runs settles two requests at the same moment: the second insert fails and joins the first.
/// </summary>
public static class PrepareAttendanceReport
{
    public sealed class Handler(SessionsDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
    {
        /// <summary>The run that will make the report (new or joined); null when there is no such session.</summary>
        public async Task<int?> HandleAsync(int sessionId, string language, string userId, CancellationToken cancellationToken)
        {
            if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, cancellationToken))
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;

            // SQLite's transactions take the write lock first (BEGIN IMMEDIATE): a second request reads the runs only
            // once the first has recorded its own, so it finds it and joins.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await JoinAsync(sessionId, language, now, cancellationToken) is { } active)
            {
                await transaction.CommitAsync(cancellationToken);
                return active;
            }

            var run = new AttendanceReportRun(sessionId, language, userId, now);
            db.AttendanceReportRuns.Add(run);
            try
            {
                await db.SaveChangesExpectingCollisionAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another server's request took the place between the read and the insert: the unique index refused ours.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (await JoinAsync(sessionId, language, now, cancellationToken) is { } joined)
                {
                    return joined;
                }

                throw;
            }

            jobs.Enqueue<RunAttendanceReport.Handler>(handler => handler.RunAsync(run.Id, CancellationToken.None));
            return run.Id;
        }

        /// <summary>
        /// The run to join: the active one, or one asked for a moment ago and already done (a small session's report is
        /// ready before a double click's second request is read). A run lost by a stopped server is marked failed instead.
        /// </summary>
        private async Task<int?> JoinAsync(int sessionId, string language, DateTime now, CancellationToken cancellationToken)
        {
            var recent = now - AttendanceReportRun.SameRequestWithin;
            var active = await db.AttendanceReportRuns.AsNoTracking()
                .Where(r => r.SessionId == sessionId && r.Language == language
                    && (r.Status == ReportRunStatus.Queued || r.Status == ReportRunStatus.Running || (r.Status == ReportRunStatus.Ready && r.RequestedAt >= recent)))
                .OrderByDescending(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (active is null)
            {
                return null;
            }

            if (!active.IsAbandonedAt(now))
            {
                return active.Id;
            }

            await db.AttendanceReportRuns.FailAbandonedAsync(active, now, cancellationToken);
            return null;
        }
    }
}
