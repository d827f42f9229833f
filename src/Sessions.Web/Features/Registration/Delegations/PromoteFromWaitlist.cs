using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>
/// The one path by which the waitlist takes observer places that are free under the session's capacity, whatever freed
/// them (a participant or a delegation withdrawn or rejected, one or many at once, the capacity raised): the earliest
/// waitlisted take them, in the order of nomination, and they and their focal points are told.
/// </summary>
public static class PromoteFromWaitlist
{
    public sealed class Handler(SessionsDbContext db, ParticipantNoticesHandler notices)
    {
        /// <summary>
        /// Call it after the change that frees places, before it is saved (in the same SaveChanges) or after it was
        /// written in the caller's transaction; then save. Places let go by tracked participants not yet saved count as free.
        /// </summary>
        public async Task FillFreePlacesAsync(Session session)
        {
            // Without a capacity (none, or lifted) nobody stays on the waitlist.
            var free = session.ObserverCapacity is { } capacity ? capacity - await HoldingAPlaceAsync(session) : int.MaxValue;
            if (free <= 0)
            {
                return;
            }

            var waitlist = await (
                    from p in db.Participants
                    join d in db.Delegations on p.DelegationId equals d.Id
                    where d.SessionId == session.Id && d.Capacity != Capacity.Member
                        && d.Status != RegistrationStatus.Withdrawn && d.Status != RegistrationStatus.Rejected
                        && p.Status == ParticipantStatus.Waitlisted
                    orderby p.NominatedAt, p.Id
                    select new { Participant = p, d.OrganisationId })
                .ToListAsync();

            // Tracked instances carry what this request already changed (a delegation withdrawn with its waitlist).
            foreach (var entry in waitlist.Where(w => w.Participant.Status == ParticipantStatus.Waitlisted).Take(free))
            {
                entry.Participant.Promote();
                await notices.QueuePromotionAsync(entry.Participant, session, entry.OrganisationId);
            }
        }

        private Task<int> HoldingAPlaceAsync(Session session)
        {
            var released = db.ChangeTracker.Entries<Participant>()
                .Where(e => e.State == EntityState.Modified
                    && Participant.HoldingAPlace.Contains(e.OriginalValues.GetValue<ParticipantStatus>(nameof(Participant.Status)))
                    && !e.Entity.IsActive)
                .Select(e => e.Entity.Id)
                .ToList();
            return db.ObserversHoldingAPlace(session.Id).CountAsync(p => !released.Contains(p.Id));
        }
    }
}
