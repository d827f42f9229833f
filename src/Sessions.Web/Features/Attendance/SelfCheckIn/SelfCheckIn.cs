using Microsoft.EntityFrameworkCore;
using Sessions.Core.Attendance;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Web.Features.Sessions.Schedule;

namespace Sessions.Web.Features.Attendance.SelfCheckIn;

/// <summary>
/// A participant records their own presence at a meeting whose self check-in the secretariat has opened, from the
/// account linked to their participation, while the meeting is open for check-in: in the room, or online for a participant
/// attending online, who finds the meeting's online link here.
/// </summary>
public static class SelfCheckIn
{
    public sealed record Meeting(int MeetingId, int Number, string SessionSymbol, TranslatedText SessionTitle, DateTime StartsAt, string TimeZoneId, string? Room, bool Present, string? OnlineLink = null, TranslatedText? Name = null);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        /// <summary>The meetings the user may check in to now, with whether they already have.</summary>
        public async Task<IReadOnlyList<Meeting>> OpenAsync(string userId, CancellationToken cancellationToken = default)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var earliest = now - TimeSpan.FromDays(1);
            var latest = now + Core.Sessions.Meeting.CheckInOpensBefore;
            var candidates = await (
                    from p in db.Participants.Where(p => p.UserId == userId && p.Status == ParticipantStatus.Approved)
                    join d in db.Delegations.Where(d => d.Status == RegistrationStatus.Approved) on p.DelegationId equals d.Id
                    join s in db.Sessions on d.SessionId equals s.Id
                    join m in db.Meetings.Where(m => m.SelfCheckInOpen && m.EndsAt >= now && m.StartsAt <= latest && m.StartsAt >= earliest) on s.Id equals m.SessionId
                    select new
                    {
                        m.Id,
                        m.Number,
                        m.Name,
                        s.Symbol,
                        s.Title,
                        m.StartsAt,
                        s.TimeZoneId,
                        m.Room,
                        Present = db.Attendance.Any(a => a.ParticipantId == p.Id && a.MeetingId == m.Id && a.Status == AttendanceStatus.Present),
                    })
                .ToListAsync(cancellationToken);
            var links = (await OnlineLinks.ForParticipantAsync(db, userId, now, cancellationToken)).ToDictionary(l => l.MeetingId, l => l.Url);
            return candidates.OrderBy(m => m.StartsAt)
                .Select(m => new Meeting(m.Id, m.Number, m.Symbol, m.Title, m.StartsAt, m.TimeZoneId, m.Room, m.Present, links.GetValueOrDefault(m.Id), m.Name))
                .ToList();
        }

        /// <summary>Records the user present at <paramref name="meetingId"/>; refusals are <see cref="DomainException"/>s.</summary>
        public async Task<CheckInOutcome> ConfirmAsync(string userId, int meetingId, CancellationToken cancellationToken = default)
        {
            var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
                ?? throw new DomainException("You are not registered for this session.");
            var holder = await (
                    from p in db.Participants.Where(p => p.UserId == userId)
                    join d in db.Delegations.Where(d => d.SessionId == meeting.SessionId) on p.DelegationId equals d.Id
                    orderby p.Status == ParticipantStatus.Approved descending
                    select new BadgeHolder(p.Id, d.SessionId, p.Status, d.Status, p.BadgeRevokedAt, p.Attendance))
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("You are not registered for this session.");
            var now = clock.GetUtcNow().UtcDateTime;
            return await db.RecordPresenceAsync(holder.ParticipantId, meetingId, existing => Presence.BySelf(holder, meeting, existing, now, userId), cancellationToken);
        }
    }
}
