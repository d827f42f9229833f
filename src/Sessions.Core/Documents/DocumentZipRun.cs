using Sessions.Core.Attendance;
using Sessions.Core.Common;

namespace Sessions.Core.Documents;

/// <summary>
/// One preparation, in the background, of the ZIP of a session's distributed documents in one language (each
/// document's current version in that language, and a README listing those without one). Anyone may ask for it, so
/// the ZIP is made once per state of the documents (<see cref="ContentKey"/>) and reused until an upload or a
/// distribution changes it; while a run is queued or running, a second request for the same session and language
/// joins it: a unique index over the active runs stands behind that, as for <see cref="AttendanceReportRun"/>.
/// </summary>
public class DocumentZipRun
{
    /// <summary>A run that has not moved for this long was lost (the server stopped): it no longer holds the place.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private DocumentZipRun()
    {
    }

    public DocumentZipRun(int sessionId, string language, string contentKey, DateTime at)
    {
        if (!Languages.IsSupported(language))
        {
            throw new DomainException("Unknown language: {0}.", language);
        }

        SessionId = sessionId;
        Language = language;
        ContentKey = contentKey;
        RequestedAt = at;
        ProgressAt = at;
        Status = ReportRunStatus.Queued;
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public string Language { get; private set; } = Languages.English;
    public ReportRunStatus Status { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    /// <summary>When the run last said how far it has gone (its heartbeat).</summary>
    public DateTime ProgressAt { get; private set; }

    /// <summary>
    /// What the documents were when the ZIP was made (a hash of each distributed document's symbol, title and current
    /// file in the language): a ZIP whose key is the documents' key now is up to date.
    /// </summary>
    public string ContentKey { get; private set; } = "";

    public int FilesExpected { get; private set; }
    public int FilesDone { get; private set; }

    /// <summary>The documents with no version in the language, listed in the ZIP's README.</summary>
    public int FilesMissing { get; private set; }

    /// <summary>The ZIP's path under the data directory, once ready; none again once a newer ZIP replaced it.</summary>
    public string? StoredPath { get; private set; }

    public long? FileSize { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsActive => Status is ReportRunStatus.Queued or ReportRunStatus.Running;

    public bool IsAbandonedAt(DateTime now) => IsActive && now - ProgressAt > AbandonedAfter;
}
