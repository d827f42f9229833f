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
/// One preparation of a session's attendance report in one language, made in the background (<see cref="BackgroundRun"/>).
/// </summary>
public class AttendanceReportRun : BackgroundRun
{
    /// <summary>A second request this soon after a run was asked for is the same request (a double click), even when that run has already finished.</summary>
    public static readonly TimeSpan SameRequestWithin = TimeSpan.FromSeconds(3);

    private AttendanceReportRun()
    {
    }

    public AttendanceReportRun(int sessionId, string language, string requestedByUserId, DateTime at)
        : base(sessionId, language, at)
    {
        RequestedByUserId = requestedByUserId;
    }

    public string RequestedByUserId { get; private set; } = "";

    public int RowsExpected { get; private set; }
    public int RowsWritten { get; private set; }

    /// <summary>0 to 100; a running run stays below 100 until the file is in place.</summary>
    public int Percent => Of(Status, RowsWritten, RowsExpected);

    public static int Of(ReportRunStatus status, int rowsWritten, int rowsExpected) => status switch
    {
        ReportRunStatus.Ready => 100,
        ReportRunStatus.Running when rowsExpected > 0 => (int)Math.Min(99, 100L * rowsWritten / rowsExpected),
        _ => 0,
    };
}
