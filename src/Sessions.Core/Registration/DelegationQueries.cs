using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;

namespace Sessions.Core.Registration;

public static class DelegationQueries
{
    /// <summary>The delegations of the organisations this user acts for: every focal-point route starts here, so another organisation's id answers 404.</summary>
    public static IQueryable<Delegation> DelegationsActedForBy(this SessionsDbContext db, string? userId)
    {
        var organisations = db.OrganisationsActedForBy(userId);
        return db.Delegations.Where(d => organisations.Contains(d.OrganisationId));
    }

    /// <summary>Observers holding a place across the session: what the overall observer capacity counts.</summary>
    public static IQueryable<Participant> ObserversHoldingAPlace(this SessionsDbContext db, int sessionId) =>
        from p in db.Participants
        join d in db.Delegations on p.DelegationId equals d.Id
        where d.SessionId == sessionId && d.Capacity != Capacity.Member
            && Participant.HoldingAPlace.Contains(p.Status)
        select p;

    public static Task<bool> ActsForAsync(this SessionsDbContext db, string? userId, int organisationId) =>
        db.OrganisationsActedForBy(userId).AnyAsync(id => id == organisationId);
}
