using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Attendance;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Documents.Zip;

/// <summary>
/// The background job that makes one run's ZIP: it takes the run (Queued to Running, so a second start does nothing),
/// reads what the documents are now (and keys the run on it), writes the ZIP to a file under the data directory,
/// saves how many files are in as it goes (the page's progress, and the run's heartbeat), and marks the run Ready, or
/// Failed so that it can be asked again. The ZIPs it replaces are deleted: one file per session and language on disk.
/// </summary>
public static class RunDocumentZip
{
    public const string Folder = "document-zips";

    /// <summary>How often, at most, the progress is written while files are added (each file would be a write per file).</summary>
    private static readonly TimeSpan _progressEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// At start-up, with in-process job storage: a run still queued or running lost its job with the process that
    /// stopped. It is failed at once and its partial file removed, so that the next request starts a new run.
    /// </summary>
    public static async Task FailInterruptedRunsAsync(SessionsDbContext db, DataDirectory data, TimeProvider clock, ILogger logger)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var failed = await db.DocumentZipRuns.Where(r => r.Status == ReportRunStatus.Queued || r.Status == ReportRunStatus.Running).FailAsync(now);
        var folder = data.Combine(Folder);
        if (Directory.Exists(folder))
        {
            foreach (var partial in Directory.EnumerateFiles(folder, "*.zip.part"))
            {
                File.Delete(partial);
            }
        }

        if (failed > 0)
        {
            logger.LogWarning("{Count} document ZIP runs were interrupted by the last stop: marked failed", failed);
        }
    }

    public sealed class Handler(
        SessionsDbContext db,
        WriteDocumentZip.Handler writer,
        IServiceScopeFactory scopes,
        DataDirectory data,
        TimeProvider clock,
        ILogger<Handler> logger)
    {
        // A failed run is shown as failed and asked again by the reader; Hangfire must not retry it behind their back.
        [AutomaticRetry(Attempts = 0)]
        public async Task RunAsync(int runId, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var taken = await db.DocumentZipRuns.TakeAsync(runId, now, cancellationToken);
            if (taken == 0)
            {
                return;
            }

            var run = await db.DocumentZipRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
            var relative = Path.Combine(Folder, $"documents-{run.SessionId}-{run.Language}-{run.Id}-{Guid.NewGuid():N}.zip");
            var path = data.Combine(relative);
            var partial = path + ".part";
            using var inLanguage = Cultures.Use(run.Language);
            using var progressScope = scopes.CreateScope();
            var progressDb = progressScope.ServiceProvider.GetRequiredService<SessionsDbContext>();
            try
            {
                var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == run.SessionId, cancellationToken);
                var contents = await DocumentZipContents.ReadAsync(db, run.SessionId, run.Language, cancellationToken);
                await db.DocumentZipRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.ContentKey, contents.Key)
                    .SetProperty(r => r.FilesExpected, contents.Files)
                    .SetProperty(r => r.FilesMissing, contents.Missing), cancellationToken);

                Directory.CreateDirectory(data.Combine(Folder));
                var sinceSaved = Stopwatch.StartNew();
                await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    await writer.WriteAsync(
                        new WriteDocumentZip.Session(session.Symbol, session.Title.In(run.Language).Text, session.TimeZoneId, now),
                        run.Language,
                        contents,
                        file,
                        async (done, token) =>
                        {
                            if (sinceSaved.Elapsed >= _progressEvery)
                            {
                                await SaveProgressAsync(progressDb, runId, done, token);
                                sinceSaved.Restart();
                            }
                        },
                        cancellationToken);
                }

                File.Move(partial, path);
                var finished = clock.GetUtcNow().UtcDateTime;
                var size = new FileInfo(path).Length;
                await db.DocumentZipRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, ReportRunStatus.Ready)
                    .SetProperty(r => r.FilesDone, r => r.FilesExpected)
                    .SetProperty(r => r.StoredPath, relative)
                    .SetProperty(r => r.FileSize, size)
                    .SetProperty(r => r.FinishedAt, finished)
                    .SetProperty(r => r.ProgressAt, finished)
                    .SetProperty(r => r.Version, Guid.NewGuid()), CancellationToken.None);
                await DeleteOlderZipsAsync(run.SessionId, run.Language, run.Id);
                logger.LogInformation("Document ZIP {RunId} of session {SessionId} ({Language}) ready: {Files} files, {Size} bytes", runId, run.SessionId, run.Language, contents.Files, size);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Document ZIP {RunId} of session {SessionId} ({Language}) failed", runId, run.SessionId, run.Language);
                await db.DocumentZipRuns.Where(r => r.Id == runId).FailAsync(clock.GetUtcNow().UtcDateTime);
                if (File.Exists(partial))
                {
                    File.Delete(partial);
                }

                throw;
            }
        }

        private Task SaveProgressAsync(SessionsDbContext progressDb, int runId, int done, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return progressDb.DocumentZipRuns.Where(r => r.Id == runId && r.Status == ReportRunStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.FilesDone, done).SetProperty(r => r.ProgressAt, now), cancellationToken);
        }

        /// <summary>
        /// Only the newest ZIP of a session in a language is kept: the older files are deleted and their runs, finished
        /// ones only, removed (a reader may ask often: the table must not grow with each request).
        /// </summary>
        private async Task DeleteOlderZipsAsync(int sessionId, string language, int runId)
        {
            try
            {
                var older = await db.DocumentZipRuns.AsNoTracking()
                    .Where(r => r.SessionId == sessionId && r.Language == language && r.Id < runId
                        && (r.Status == ReportRunStatus.Ready || r.Status == ReportRunStatus.Failed))
                    .Select(r => new { r.Id, r.StoredPath }).ToListAsync();
                foreach (var old in older)
                {
                    await db.DocumentZipRuns.Where(r => r.Id == old.Id).ExecuteDeleteAsync();
                    if (old.StoredPath is { } stored)
                    {
                        File.Delete(data.Combine(stored));
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbUpdateException)
            {
                // The new ZIP is ready all the same; an old file left behind is only disk space.
                logger.LogWarning(e, "Older document ZIPs of session {SessionId} ({Language}) not removed", sessionId, language);
            }
        }
    }
}
