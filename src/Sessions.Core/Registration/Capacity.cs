using Sessions.Core.Organisations;

namespace Sessions.Core.Registration;

/// <summary>In what capacity a delegation takes part in a session (the UN order of the list of participants).</summary>
public enum Capacity
{
    Member = 1,
    ObserverState = 2,
    UnSystem = 3,
    IntergovernmentalOrganisation = 4,
    Stakeholder = 5,
}

public static class Capacities
{
    /// <summary>Derived, never chosen: from the body's membership on the session's dates and the organisation's category.</summary>
    public static Capacity Derive(OrganisationCategory category, bool isMemberOfTheBody) => category switch
    {
        OrganisationCategory.MemberState when isMemberOfTheBody => Capacity.Member,
        OrganisationCategory.MemberState or OrganisationCategory.ObserverState => Capacity.ObserverState,
        OrganisationCategory.UnSystemEntity => Capacity.UnSystem,
        OrganisationCategory.IntergovernmentalOrganisation => Capacity.IntergovernmentalOrganisation,
        _ => Capacity.Stakeholder,
    };

    /// <summary>Stakeholders need an eligible accreditation; States and the UN system and IGOs do not.</summary>
    public static bool NeedsAccreditation(Capacity capacity) => capacity == Capacity.Stakeholder;

    /// <summary>Whether an organisation of <paramref name="category"/> needs an accreditation to register, whatever the body's membership.</summary>
    public static bool NeedsAccreditation(OrganisationCategory category) => NeedsAccreditation(Derive(category, isMemberOfTheBody: false));

    /// <summary>Observers are capped per organisation; members of the body only when the session says so.</summary>
    public static bool IsObserver(Capacity capacity) => capacity != Capacity.Member;
}
