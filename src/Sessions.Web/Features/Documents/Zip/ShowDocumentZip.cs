using Microsoft.EntityFrameworkCore;
using Sessions.Core.Attendance;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Web.Infrastructure;

namespace Sessions.Web.Features.Documents.Zip;

/// <summary>
/// The public page of the ZIP of a published session's documents in one language: whether a ZIP made from the
/// documents as they are now is ready (then its link), is being prepared (how many files are in so far), or must be
/// asked for; the progress answer the page polls; and the ready file.
/// </summary>
public static class ShowDocumentZip
{
    public enum State
    {
        /// <summary>No document of the session has been distributed yet.</summary>
        NothingToZip,

        /// <summary>No ZIP of the documents as they are now: the reader may ask for one.</summary>
        ToPrepare,

        Preparing,
        Ready,

        /// <summary>The last run failed (or was lost): the reader may ask again.</summary>
        Failed,
    }

    public sealed record Run(int Id, ReportRunStatus Status, int FilesDone, int FilesExpected, int FilesMissing, DateTime? FinishedAt, long? FileSize)
    {
        public bool IsActive => Status is ReportRunStatus.Queued or ReportRunStatus.Running;
    }

    public sealed class Model
    {
        public int SessionId { get; init; }
        public string Symbol { get; init; } = "";
        public required TranslatedText Title { get; init; }

        /// <summary>The language of the documents in the ZIP (the page itself is in the reader's).</summary>
        public string Language { get; init; } = "";

        public int Documents { get; init; }
        public int Files { get; init; }
        public int Missing { get; init; }
        public State State { get; init; }

        /// <summary>The run the state is about: the ready ZIP, the run under way or the failed one.</summary>
        public Run? Run { get; init; }

        /// <summary>An earlier ZIP exists but the documents have changed since.</summary>
        public bool EarlierIsStale { get; init; }

        public string Url => UrlOf(SessionId, Language);

        public string ProgressUrl => $"/sessions/{SessionId}/documents/zip/progress?language={Language}";

        public string? FileUrl => State == State.Ready && Run is { } run ? FileUrlOf(SessionId, run.Id) : null;
    }

    public static string UrlOf(int sessionId, string language) => $"/sessions/{sessionId}/documents/zip?language={language}";

    public static string FileUrlOf(int sessionId, int runId) => $"/sessions/{sessionId}/documents/zip/{runId}/file";

    public sealed record Download(string Path, string FileName);

    public sealed class Handler(SessionsDbContext db, DataDirectory data, TimeProvider clock)
    {
        /// <summary>Null when there is no such published session.</summary>
        public async Task<Model?> HandleAsync(int sessionId, string language, CancellationToken cancellationToken)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.IsPublished, cancellationToken);
            if (session is null)
            {
                return null;
            }

            var contents = await DocumentZipContents.ReadAsync(db, sessionId, language, cancellationToken);
            var (state, run, stale) = await StateAsync(sessionId, language, contents, cancellationToken);
            return new Model
            {
                SessionId = sessionId,
                Symbol = session.Symbol,
                Title = session.Title,
                Language = language,
                Documents = contents.Entries.Count,
                Files = contents.Files,
                Missing = contents.Missing,
                State = state,
                Run = run is null ? null : run with { FinishedAt = session.ToLocal(run.FinishedAt) },
                EarlierIsStale = stale,
            };
        }

        /// <summary>The state for the page's script; null when there is no such published session.</summary>
        public async Task<(State State, Run? Run)?> ProgressAsync(int sessionId, string language, CancellationToken cancellationToken)
        {
            if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.IsPublished, cancellationToken))
            {
                return null;
            }

            var contents = await DocumentZipContents.ReadAsync(db, sessionId, language, cancellationToken);
            var (state, run, _) = await StateAsync(sessionId, language, contents, cancellationToken);
            return (state, run);
        }

        /// <summary>A ready ZIP of a published session; null when there is none (replaced ZIPs are gone).</summary>
        public async Task<Download?> DownloadAsync(int sessionId, int runId, CancellationToken cancellationToken)
        {
            var run = await db.DocumentZipRuns.AsNoTracking()
                .Where(r => r.Id == runId && r.SessionId == sessionId && r.Status == ReportRunStatus.Ready && r.StoredPath != null)
                .Join(db.Sessions.Where(s => s.IsPublished), r => r.SessionId, s => s.Id, (r, s) => new { r.StoredPath, r.Language, s.Symbol })
                .SingleOrDefaultAsync(cancellationToken);
            if (run is null)
            {
                return null;
            }

            var path = data.Combine(run.StoredPath!);
            return File.Exists(path) ? new Download(path, DocumentFileNames.ZipOf(run.Symbol, run.Language)) : null;
        }

        private async Task<(State State, Run? Run, bool Stale)> StateAsync(int sessionId, string language, DocumentZipContents.Contents contents, CancellationToken cancellationToken)
        {
            var latest = await db.DocumentZipRuns.AsNoTracking()
                .Where(r => r.SessionId == sessionId && r.Language == language)
                .OrderByDescending(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            var lost = latest is not null && latest.IsAbandonedAt(clock.GetUtcNow().UtcDateTime);
            var run = latest is null ? null : new Run(latest.Id, lost ? ReportRunStatus.Failed : latest.Status, latest.FilesDone, latest.FilesExpected > 0 ? latest.FilesExpected : contents.Files, latest.FilesMissing, latest.FinishedAt, latest.FileSize);
            if (contents.Entries.Count == 0)
            {
                return (State.NothingToZip, null, false);
            }

            return run switch
            {
                null => (State.ToPrepare, null, false),
                { IsActive: true } => (State.Preparing, run, false),
                { Status: ReportRunStatus.Failed } => (State.Failed, run, false),
                _ when latest!.ContentKey == contents.Key && latest.StoredPath is { } stored && File.Exists(data.Combine(stored)) => (State.Ready, run, false),
                _ => (State.ToPrepare, null, latest!.StoredPath is not null),
            };
        }
    }
}
