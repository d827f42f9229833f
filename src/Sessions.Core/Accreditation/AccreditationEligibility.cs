using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;

namespace Sessions.Core.Accreditation;

/// <summary>
/// Who may register observers to a body's sessions: an organisation with a granted ECOSOC status (any
/// tier) or a granted Habitat II or III accreditation, everywhere; one with a granted ad hoc accreditation,
/// for that body only. Pending, suspended, withdrawn and rejected records give no standing.
/// </summary>
public static class AccreditationEligibility
{
    public static bool IsEligible(IEnumerable<Accreditation> accreditations, int bodyId) =>
        accreditations.Any(a => Qualifies(a.Basis, a.Status, a.BodyId, bodyId));

    public static bool Qualifies(AccreditationBasis basis, AccreditationStatus status, int? accreditedBodyId, int bodyId) =>
        status == AccreditationStatus.Granted && (IsStandingEverywhere(basis) || (basis == AccreditationBasis.AdHoc && accreditedBodyId == bodyId));

    /// <summary>ECOSOC status and Habitat II/III accreditation count for every body, without applying.</summary>
    public static bool IsStandingEverywhere(AccreditationBasis basis) => basis is AccreditationBasis.EcosocGeneral
        or AccreditationBasis.EcosocSpecial or AccreditationBasis.EcosocRoster or AccreditationBasis.HabitatII or AccreditationBasis.HabitatIII;
}

/// <summary>The same rule as <see cref="AccreditationEligibility"/>, run by the database.</summary>
public static class AccreditationQueries
{
    /// <summary>The ids of the organisations eligible to register observers to the sessions of <paramref name="bodyId"/>.</summary>
    public static IQueryable<int> OrganisationsEligibleFor(this SessionsDbContext db, int bodyId) =>
        db.Accreditations
            .Where(a => a.Status == AccreditationStatus.Granted
                && (a.Basis == AccreditationBasis.EcosocGeneral || a.Basis == AccreditationBasis.EcosocSpecial || a.Basis == AccreditationBasis.EcosocRoster
                    || a.Basis == AccreditationBasis.HabitatII || a.Basis == AccreditationBasis.HabitatIII
                    || (a.Basis == AccreditationBasis.AdHoc && a.BodyId == bodyId)))
            .Select(a => a.OrganisationId);

    /// <summary>True when the organisation may register observers to the sessions of the body.</summary>
    public static Task<bool> IsEligibleToRegisterAsync(this SessionsDbContext db, int organisationId, int bodyId, CancellationToken cancellationToken = default) =>
        db.OrganisationsEligibleFor(bodyId).AnyAsync(id => id == organisationId, cancellationToken);
}
