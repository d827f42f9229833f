using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Sessions.Schedule;

/// <summary>
/// The online links a signed-in participant may see: those of the meetings, not yet ended, of the sessions where they are
/// approved, in an approved delegation, and attend online. The one rule of who sees a link; never used on public pages.
/// </summary>
public static class OnlineLinks
{
    public sealed record Link(int MeetingId, int SessionId, string SessionSymbol, int MeetingNumber, DateTime StartsAt, DateTime EndsAt, string TimeZoneId, string Url);

    public static async Task<IReadOnlyList<Link>> ForParticipantAsync(SessionsDbContext db, string userId, DateTime now, CancellationToken cancellationToken = default) =>
        await (
                from p in db.Participants.AsNoTracking()
                where p.UserId == userId && p.Status == ParticipantStatus.Approved && p.Attendance == AttendanceMode.Online && p.BadgeRevokedAt == null
                join d in db.Delegations.Where(d => d.Status == RegistrationStatus.Approved) on p.DelegationId equals d.Id
                join s in db.Sessions on d.SessionId equals s.Id
                join m in db.Meetings.Where(m => m.OnlineLink != null && m.EndsAt >= now) on s.Id equals m.SessionId
                orderby m.StartsAt, m.Id
                select new Link(m.Id, s.Id, s.Symbol, m.Number, m.StartsAt, m.EndsAt, s.TimeZoneId, m.OnlineLink!))
            .Distinct()
            .ToListAsync(cancellationToken);
}
