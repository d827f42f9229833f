using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Web.Features.Delegations;

/// <summary>When observer places free up under the session's capacity, the earliest waitlisted observers take them.</summary>
public static class PromoteFromWaitlist
{
    public sealed class Handler(SessionsDbContext db, ParticipantNoticesHandler notices)
    {
        /// <summary>
        /// Runs before the withdrawal is saved, in the same SaveChanges: <paramref name="placesFreed"/> are places
        /// still counted in the database but already withdrawn in memory.
        /// </summary>
        public async Task HandleAsync(Session session, int placesFreed)
        {
            if (session.ObserverCapacity is null || placesFreed <= 0)
            {
                return;
            }

            await FillFreePlacesAsync(session, placesFreed);
        }

        /// <summary>The secretariat raised (or lifted) the session's observer capacity: the waitlist takes the new places. Before the change is saved, in the same SaveChanges.</summary>
        public Task AfterCapacityChangedAsync(Session session) => FillFreePlacesAsync(session, placesFreed: 0);

        private async Task FillFreePlacesAsync(Session session, int placesFreed)
        {
            var holding = await db.ObserversHoldingAPlace(session.Id).CountAsync() - placesFreed;
            var free = session.ObserverCapacity is { } capacity ? capacity - holding : int.MaxValue;
            if (free <= 0)
            {
                return;
            }

            var waitlist = await (
                    from p in db.Participants
                    join d in db.Delegations on p.DelegationId equals d.Id
                    where d.SessionId == session.Id && d.Capacity != Capacity.Member && d.Status != RegistrationStatus.Withdrawn
                        && p.Status == ParticipantStatus.Waitlisted
                    orderby p.NominatedAt, p.Id
                    select new { Participant = p, d.OrganisationId })
                .ToListAsync();

            // Tracked instances carry what this request already changed (a delegation withdrawn with its waitlist).
            var promoted = waitlist.Where(w => w.Participant.Status == ParticipantStatus.Waitlisted).Take(free).ToList();
            if (promoted.Count == 0)
            {
                return;
            }

            foreach (var entry in promoted)
            {
                entry.Participant.Promote();
                await notices.QueuePromotionAsync(entry.Participant, session, entry.OrganisationId);
            }
        }
    }
}
