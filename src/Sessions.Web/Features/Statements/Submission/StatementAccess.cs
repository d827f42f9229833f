using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Statements;

namespace Sessions.Web.Features.Statements.Submission;

/// <summary>Who may submit for which delegation, and who may reach which statement: every statement route starts here, so anything else answers 404.</summary>
public static class StatementAccess
{
    /// <summary>The delegations a user submits for: those of the organisations they are focal point of, and those they are an active member of.</summary>
    public static IQueryable<Delegation> DelegationsSubmittingFor(this SessionsDbContext db, string userId)
    {
        var organisations = db.OrganisationsActedForBy(userId);
        return db.Delegations.Where(d => organisations.Contains(d.OrganisationId)
            || db.Participants.Any(p => p.DelegationId == d.Id && p.UserId == userId
                && Participant.HoldingAPlace.Contains(p.Status)));
    }

    /// <summary>
    /// The statements a user may read: the secretariat all; anyone else those they submitted, those of the organisations
    /// they are focal point of, and those their organisations are asked to co-sponsor.
    /// </summary>
    public static IQueryable<WrittenStatement> StatementsReachableBy(this SessionsDbContext db, string userId, bool isSecretariat)
    {
        if (isSecretariat)
        {
            return db.WrittenStatements;
        }

        var organisations = db.OrganisationsActedForBy(userId);
        return db.WrittenStatements.Where(s => s.SubmittedByUserId == userId
            || organisations.Contains(s.OrganisationId)
            || s.CoSponsors.Any(c => organisations.Contains(c.OrganisationId)));
    }

    /// <summary>The statements a user may withdraw: those they submitted and those of the organisations they are focal point of.</summary>
    public static IQueryable<WrittenStatement> StatementsOwnedBy(this SessionsDbContext db, string userId)
    {
        var organisations = db.OrganisationsActedForBy(userId);
        return db.WrittenStatements.Where(s => s.SubmittedByUserId == userId || organisations.Contains(s.OrganisationId));
    }

    /// <summary>
    /// The organisations that may co-sponsor a statement to a session of <paramref name="bodyId"/>: States, the UN
    /// system, IGOs, and organisations with an accreditation that counts for the body.
    /// </summary>
    public static IQueryable<Organisation> PossibleCoSponsors(this SessionsDbContext db, int bodyId)
    {
        var accredited = db.OrganisationsEligibleFor(bodyId);
        return db.Organisations.Where(o => o.Category == OrganisationCategory.MemberState || o.Category == OrganisationCategory.ObserverState
            || o.Category == OrganisationCategory.UnSystemEntity || o.Category == OrganisationCategory.IntergovernmentalOrganisation
            || accredited.Contains(o.Id));
    }
}
