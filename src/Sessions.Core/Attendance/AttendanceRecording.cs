using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;

namespace Sessions.Core.Attendance;

public static class AttendanceRecording
{
    /// <summary>
    /// Records a presence: reads the participant's record of the meeting, lets <paramref name="decide"/> (a
    /// <see cref="Presence"/> rule) mark it or make it, and saves. When another door or the participant recorded the
    /// same presence at the same moment, the unique index keeps theirs and this one is "already present".
    /// </summary>
    public static async Task<CheckInOutcome> RecordPresenceAsync(this SessionsDbContext db, int participantId, int meetingId, Func<AttendanceRecord?, (CheckInOutcome Outcome, AttendanceRecord Record)> decide, CancellationToken cancellationToken = default)
    {
        var existing = await db.Attendance.SingleOrDefaultAsync(a => a.ParticipantId == participantId && a.MeetingId == meetingId, cancellationToken);
        var (outcome, record) = decide(existing);
        if (outcome == CheckInOutcome.AlreadyPresent)
        {
            return outcome;
        }

        if (existing is null)
        {
            db.Attendance.Add(record);
        }

        try
        {
            await db.SaveChangesExpectingCollisionAsync(cancellationToken);
            return outcome;
        }
        catch (DbUpdateException) when (existing is null)
        {
            db.ChangeTracker.Clear();
            if (await db.Attendance.AnyAsync(a => a.ParticipantId == participantId && a.MeetingId == meetingId && a.Status == AttendanceStatus.Present, cancellationToken))
            {
                return CheckInOutcome.AlreadyPresent;
            }

            throw;
        }
    }
}
