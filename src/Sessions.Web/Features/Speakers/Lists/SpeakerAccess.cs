using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Speakers.Lists;

/// <summary>Whom a person may ask the floor for: every delegation route of a delegate or focal point starts here.</summary>
public static class SpeakerAccess
{
    /// <summary>The delegations of the organisations the user is focal point of, and those the user is an active member of.</summary>
    public static IQueryable<Delegation> DelegationsSpokenForBy(this SessionsDbContext db, string userId)
    {
        var organisations = db.OrganisationsActedForBy(userId);
        return db.Delegations.Where(d => organisations.Contains(d.OrganisationId)
            || db.Participants.Any(p => p.DelegationId == d.Id && p.UserId == userId
                && Participant.HoldingAPlace.Contains(p.Status)));
    }
}
