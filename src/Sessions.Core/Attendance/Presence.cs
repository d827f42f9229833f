using Sessions.Core.Common;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Core.Attendance;

/// <summary>What the door knows of a badge's holder, read by the badge's token.</summary>
public sealed record BadgeHolder(
    int ParticipantId,
    int SessionId,
    ParticipantStatus ParticipantStatus,
    RegistrationStatus DelegationStatus,
    DateTime? BadgeRevokedAt,
    AttendanceMode Attendance = AttendanceMode.InPerson);

public enum CheckInOutcome
{
    /// <summary>Recorded present now.</summary>
    Recorded = 1,

    /// <summary>Already recorded present at this meeting: recognised, not counted twice.</summary>
    AlreadyPresent = 2,
}

/// <summary>
/// The rules of recording a participant present at a meeting, at the door (a badge) or from their own account.
/// Refusals are <see cref="DomainException"/>s the door shows loudly.
/// </summary>
public static class Presence
{
    /// <summary>
    /// A badge read at the door of <paramref name="meeting"/>: <paramref name="holder"/> is null when no badge has the
    /// code. Marks <paramref name="existing"/> present, or returns a new record to add.
    /// </summary>
    public static (CheckInOutcome Outcome, AttendanceRecord Record) AtTheDoor(BadgeHolder? holder, Meeting meeting, AttendanceRecord? existing, DateTime now, string byUserId)
    {
        if (holder is null)
        {
            throw new DomainException("No badge has this code.");
        }

        if (holder.BadgeRevokedAt is not null)
        {
            throw new DomainException("This badge has been revoked.");
        }

        if (holder.SessionId != meeting.SessionId)
        {
            throw new DomainException("This badge is for another session.");
        }

        // A badge read at the door is a person in the room, whatever way they registered to attend.
        return Record(holder, meeting, existing, now, AttendanceMethod.Scan, byUserId, AttendanceMode.InPerson);
    }

    /// <summary>A participant confirms their own presence while the meeting's self check-in is open.</summary>
    public static (CheckInOutcome Outcome, AttendanceRecord Record) BySelf(BadgeHolder holder, Meeting meeting, AttendanceRecord? existing, DateTime now, string userId)
    {
        if (!meeting.SelfCheckInOpen)
        {
            throw new DomainException("Self check-in is not open for this meeting.");
        }

        if (holder.SessionId != meeting.SessionId)
        {
            throw new DomainException("You are not registered for this session.");
        }

        return Record(holder, meeting, existing, now, AttendanceMethod.Self, userId, holder.Attendance);
    }

    private static (CheckInOutcome, AttendanceRecord) Record(BadgeHolder holder, Meeting meeting, AttendanceRecord? existing, DateTime now, AttendanceMethod method, string userId, AttendanceMode mode)
    {
        if (holder.ParticipantStatus != ParticipantStatus.Approved || holder.DelegationStatus != RegistrationStatus.Approved)
        {
            throw new DomainException("This participant is not approved for the session.");
        }

        if (!meeting.IsOpenForCheckInAt(now))
        {
            throw new DomainException("Meeting {0} is not in progress.", meeting.Number);
        }

        if (existing is { Status: AttendanceStatus.Present })
        {
            return (CheckInOutcome.AlreadyPresent, existing);
        }

        if (existing is not null)
        {
            existing.Mark(AttendanceStatus.Present, method, now, userId, mode);
            return (CheckInOutcome.Recorded, existing);
        }

        return (CheckInOutcome.Recorded, new AttendanceRecord(holder.ParticipantId, meeting.Id, AttendanceStatus.Present, method, now, userId, mode));
    }
}
