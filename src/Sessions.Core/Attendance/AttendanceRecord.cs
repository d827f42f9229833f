using Sessions.Core.Common;
using Sessions.Core.Registration;

namespace Sessions.Core.Attendance;

public enum AttendanceStatus
{
    Present = 1,
    Absent = 2,
    Excused = 3,
}

/// <summary>How the attendance was taken.</summary>
public enum AttendanceMethod
{
    /// <summary>A badge read (or its code typed) at the door.</summary>
    Scan = 1,

    /// <summary>Ticked by the secretariat on the meeting's roster.</summary>
    Roster = 2,

    /// <summary>Confirmed by the participants themselves while the meeting's self check-in is open.</summary>
    Self = 3,
}

/// <summary>
/// A participant's attendance at one meeting: one record per participant and meeting (a unique index backs it
/// against two doors reading the same badge at once); a later mark replaces the status and says how and by whom.
/// </summary>
public class AttendanceRecord
{
    private AttendanceRecord()
    {
    }

    public AttendanceRecord(int participantId, int meetingId, AttendanceStatus status, AttendanceMethod method, DateTime at, string? byUserId, AttendanceMode mode = AttendanceMode.InPerson)
    {
        ParticipantId = participantId;
        MeetingId = meetingId;
        Mark(status, method, at, byUserId, mode);
    }

    public int Id { get; private set; }
    public int ParticipantId { get; private set; }
    public int MeetingId { get; private set; }
    public AttendanceStatus Status { get; private set; }
    public AttendanceMethod Method { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public string? RecordedByUserId { get; private set; }

    /// <summary>How a present person took part: in the room or online; null when they were not present.</summary>
    public AttendanceMode? Mode { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public void Mark(AttendanceStatus status, AttendanceMethod method, DateTime at, string? byUserId, AttendanceMode mode = AttendanceMode.InPerson)
    {
        if (!Enum.IsDefined(status) || !Enum.IsDefined(method))
        {
            throw new DomainException("Choose Present, Absent or Excused.");
        }

        if (!Enum.IsDefined(mode))
        {
            throw new DomainException("Choose in the room or online.");
        }

        Mode = status == AttendanceStatus.Present ? mode : null;

        Status = status;
        Method = method;
        RecordedAt = at;
        RecordedByUserId = byUserId;
    }
}
