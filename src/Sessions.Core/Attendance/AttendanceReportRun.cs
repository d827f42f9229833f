using Sessions.Core.Common;

namespace Sessions.Core.Attendance;

public enum ReportRunStatus
{
    Queued = 1,
    Running = 2,
    Ready = 3,
    Failed = 4,
}

/// <summary>
/// One preparation of a session's attendance report in one language, made in the background. While a run is queued
/// or running, a second request for the same session and language joins it: a unique index over the active runs
/// stands behind that, so a double click or two officers at once still make one run.
/// </summary>
public class AttendanceReportRun
{
    /// <summary>A run that has not moved for this long was lost (the server stopped): it no longer holds the place.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    /// <summary>A second request this soon after a run was asked for is the same request (a double click), even when that run has already finished.</summary>
    public static readonly TimeSpan SameRequestWithin = TimeSpan.FromSeconds(3);

    private AttendanceReportRun()
    {
    }

    public AttendanceReportRun(int sessionId, string language, string requestedByUserId, DateTime at)
    {
        if (!Languages.IsSupported(language))
        {
            throw new DomainException("Unknown language: {0}.", language);
        }

        SessionId = sessionId;
        Language = language;
        RequestedByUserId = requestedByUserId;
        RequestedAt = at;
        ProgressAt = at;
        Status = ReportRunStatus.Queued;
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }

    /// <summary>The language of the sheets' headings and of the organisations' names.</summary>
    public string Language { get; private set; } = Languages.English;

    public ReportRunStatus Status { get; private set; }
    public string RequestedByUserId { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    /// <summary>When the run last said how far it has gone (its heartbeat).</summary>
    public DateTime ProgressAt { get; private set; }

    public int RowsExpected { get; private set; }
    public int RowsWritten { get; private set; }

    /// <summary>The file's path under the data directory, once ready.</summary>
    public string? StoredPath { get; private set; }

    public long? FileSize { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsActive => Status is ReportRunStatus.Queued or ReportRunStatus.Running;

    public bool IsAbandonedAt(DateTime now) => IsActive && now - ProgressAt > AbandonedAfter;

    /// <summary>0 to 100; a running run stays below 100 until the file is in place.</summary>
    public int Percent => Of(Status, RowsWritten, RowsExpected);

    public static int Of(ReportRunStatus status, int rowsWritten, int rowsExpected) => status switch
    {
        ReportRunStatus.Ready => 100,
        ReportRunStatus.Running when rowsExpected > 0 => (int)Math.Min(99, 100L * rowsWritten / rowsExpected),
        _ => 0,
    };
}
