using Sessions.Core.Attendance;

namespace Sessions.Core.Common;

/// <summary>
/// A file prepared in the background for one session in one language (the attendance report, the documents ZIP). While
/// a run is queued or running, a second request for the same session and language joins it: each kind's unique index
/// over its active runs stands behind that, so a double click or two people at once still make one run.
/// </summary>
public abstract class BackgroundRun
{
    /// <summary>A run that has not moved for this long was lost (the server stopped): it no longer holds the place.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    protected BackgroundRun()
    {
    }

    protected BackgroundRun(int sessionId, string language, DateTime at)
    {
        if (!Languages.IsSupported(language))
        {
            throw new DomainException("Unknown language: {0}.", language);
        }

        SessionId = sessionId;
        Language = language;
        RequestedAt = at;
        ProgressAt = at;
        Status = ReportRunStatus.Queued;
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }

    /// <summary>The language of what the file says (headings, names, titles).</summary>
    public string Language { get; private set; } = Languages.English;

    public ReportRunStatus Status { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    /// <summary>When the run last said how far it has gone (its heartbeat).</summary>
    public DateTime ProgressAt { get; private set; }

    /// <summary>The file's path under the data directory, once ready.</summary>
    public string? StoredPath { get; private set; }

    public long? FileSize { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsActive => Status is ReportRunStatus.Queued or ReportRunStatus.Running;

    public bool IsAbandonedAt(DateTime now) => IsActive && now - ProgressAt > AbandonedAfter;
}
