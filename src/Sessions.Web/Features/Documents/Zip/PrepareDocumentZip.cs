using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Attendance;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Web.Infrastructure;

namespace Sessions.Web.Features.Documents.Zip;

/// <summary>
/// A reader asks for the ZIP of a published session's documents in a language. A ZIP made from the documents as they
/// are now is reused (nothing is rebuilt until an upload or a distribution changes them); a run under way is joined;
/// otherwise a run is recorded and its job queued. The unique index over active runs settles two requests at the same
/// moment: the second insert fails and joins the first. Together with the rate limit on the request
/// (<see cref="DocumentZipSetup"/>), a stranger cannot keep the server rebuilding.
/// </summary>
public static class PrepareDocumentZip
{
    public enum Outcome
    {
        NotFound,

        /// <summary>No document of the session has been distributed: there is nothing to put in a ZIP.</summary>
        NothingToZip,

        /// <summary>The ZIP made from the documents as they are now is there already.</summary>
        UpToDate,

        Joined,
        Started,
    }

    public sealed record Result(Outcome Outcome, int? RunId);

    public sealed class Handler(SessionsDbContext db, IBackgroundJobClient jobs, DataDirectory data, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(int sessionId, string language, CancellationToken cancellationToken)
        {
            if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.IsPublished, cancellationToken))
            {
                return new Result(Outcome.NotFound, null);
            }

            var contents = await DocumentZipContents.ReadAsync(db, sessionId, language, cancellationToken);
            if (contents.Entries.Count == 0)
            {
                return new Result(Outcome.NothingToZip, null);
            }

            var now = clock.GetUtcNow().UtcDateTime;

            // SQLite's transactions take the write lock first (BEGIN IMMEDIATE): a second request reads the runs only
            // once the first has recorded its own, so it finds it and joins.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await ExistingAsync(sessionId, language, contents.Key, now, cancellationToken) is { } existing)
            {
                await transaction.CommitAsync(cancellationToken);
                return existing;
            }

            var run = new DocumentZipRun(sessionId, language, contents.Key, now);
            db.DocumentZipRuns.Add(run);
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
                if (await ExistingAsync(sessionId, language, contents.Key, now, cancellationToken) is { } joined)
                {
                    return joined;
                }

                throw;
            }

            jobs.Enqueue<RunDocumentZip.Handler>(handler => handler.RunAsync(run.Id, CancellationToken.None));
            return new Result(Outcome.Started, run.Id);
        }

        /// <summary>
        /// The run that answers the request already: the active one, or the newest ready one when it is up to date and its
        /// file is there. A run lost by a stopped server is marked failed instead.
        /// </summary>
        private async Task<Result?> ExistingAsync(int sessionId, string language, string key, DateTime now, CancellationToken cancellationToken)
        {
            var latest = await db.DocumentZipRuns.AsNoTracking()
                .Where(r => r.SessionId == sessionId && r.Language == language && r.Status != ReportRunStatus.Failed)
                .OrderByDescending(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            switch (latest)
            {
                case null:
                    return null;
                case { Status: ReportRunStatus.Ready, StoredPath: { } stored }:
                    return latest.ContentKey == key && File.Exists(data.Combine(stored)) ? new Result(Outcome.UpToDate, latest.Id) : null;
                case { IsActive: true } when !latest.IsAbandonedAt(now):
                    return new Result(Outcome.Joined, latest.Id);
                case { IsActive: true }:
                    await db.DocumentZipRuns.FailAbandonedAsync(latest, now, cancellationToken);
                    return null;
                default:
                    return null;
            }
        }
    }
}
