using Sessions.Core.Accreditation;
using Sessions.Core.Registration;

namespace Sessions.Core.Statements;

/// <summary>
/// The standing a word limit and the order of co-sponsors follow: States, then the UN system and IGOs, then
/// organisations by their accreditation (ECOSOC general, special, roster status, then any other accreditation).
/// </summary>
public enum StatementTier
{
    State = 1,
    UnSystem = 2,
    IntergovernmentalOrganisation = 3,
    EcosocGeneral = 4,
    EcosocSpecial = 5,
    EcosocRoster = 6,
    OtherAccreditation = 7,

    /// <summary>An organisation with no standing: it may support a joint statement (named in its footnote), not co-sponsor it.</summary>
    None = 8,
}

public static class StatementTiers
{
    /// <summary>
    /// The tier of an organisation of <paramref name="category"/> in a session of <paramref name="bodyId"/>: States,
    /// the UN system and IGOs by what they are; any other organisation by its best granted accreditation that counts
    /// for the body (<see cref="AccreditationEligibility"/>), or <see cref="StatementTier.None"/>.
    /// </summary>
    public static StatementTier Of(Capacity capacity, IEnumerable<(AccreditationBasis Basis, AccreditationStatus Status, int? BodyId)> accreditations, int bodyId) => capacity switch
    {
        Capacity.Member or Capacity.ObserverState => StatementTier.State,
        Capacity.UnSystem => StatementTier.UnSystem,
        Capacity.IntergovernmentalOrganisation => StatementTier.IntergovernmentalOrganisation,
        _ => accreditations
            .Where(a => AccreditationEligibility.Qualifies(a.Basis, a.Status, a.BodyId, bodyId))
            .Select(a => a.Basis switch
            {
                AccreditationBasis.EcosocGeneral => StatementTier.EcosocGeneral,
                AccreditationBasis.EcosocSpecial => StatementTier.EcosocSpecial,
                AccreditationBasis.EcosocRoster => StatementTier.EcosocRoster,
                _ => StatementTier.OtherAccreditation,
            })
            .DefaultIfEmpty(StatementTier.None)
            .Min(),
    };

    /// <summary>Co-sponsors are listed by tier, then by name.</summary>
    public static IEnumerable<T> InListingOrder<T>(IEnumerable<T> sponsors, Func<T, StatementTier> tier, Func<T, string> name) =>
        sponsors.OrderBy(tier).ThenBy(name, StringComparer.CurrentCultureIgnoreCase);
}
