namespace Sessions.Core.Organisations;

public enum OrganisationCategory
{
    MemberState = 1,
    ObserverState = 2,
    UnSystemEntity = 3,
    IntergovernmentalOrganisation = 4,
    LocalOrRegionalGovernment = 5,
    NonGovernmentalOrganisation = 6,
    PrivateSector = 7,
    AcademicAndResearch = 8,
    ProfessionalAssociation = 9,
    GrassrootsOrganisation = 10,
    Foundation = 11,
    Other = 12,
}
