using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Notices.Campaigns;

/// <summary>
/// One session with a delegation in each capacity, in different statuses, each with a focal point and
/// participants; one person is both a focal point and a participant (under another case of the address).
/// </summary>
public sealed record CampaignAudienceScenario(
    int SessionId,
    string MemberFocalPoint,
    string[] MemberParticipants,
    string ObserverFocalPoint,
    string ObserverParticipant,
    string UnFocalPoint,
    string UnParticipant,
    string IgoFocalPoint,
    string IgoParticipant,
    string NgoFocalPoint,
    string NgoParticipant,
    string NgoWaitlisted)
{
    public IEnumerable<string> FocalPoints => [MemberFocalPoint, ObserverFocalPoint, UnFocalPoint, IgoFocalPoint, NgoFocalPoint];

    public IEnumerable<string> Participants => [.. MemberParticipants, ObserverParticipant, UnParticipant, IgoParticipant, NgoParticipant, NgoWaitlisted];

    public static async Task<CampaignAudienceScenario> CreateAsync(SessionsAppFactory factory, Action<Core.Sessions.Session>? configure = null)
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, new DateOnly(2027, 5, 10), configure: configure);
        var tag = Guid.NewGuid().ToString("N")[..8];

        async Task<(string FocalPoint, List<string> Participants)> DelegationAsync(string name, OrganisationCategory category, Capacity capacity, RegistrationStatus status, string focalPointLanguage, ParticipantDetails[] nominees, ParticipantDetails[]? waitlisted = null)
        {
            var organisationId = await factory.AddOrganisationAsync($"{name} {tag}", category);
            var focalPoint = await factory.AddFocalPointAsync(organisationId, focalPointLanguage);
            await factory.AddDelegationAsync(sessionId, organisationId, capacity, status, nominees, waitlisted);
            return (focalPoint.Email!, [.. nominees.Select(n => n.Email), .. (waitlisted ?? []).Select(n => n.Email)]);
        }

        var member = await DelegationAsync("Member State", OrganisationCategory.MemberState, Capacity.Member, RegistrationStatus.Approved, "fr",
            [DelegationBuilders.Nominee("Amélie", "Dupré", ParticipantFunction.HeadOfDelegation, "fr"), DelegationBuilders.Nominee("Li", "Hua", language: "zh")]);
        var observer = await DelegationAsync("Observer State", OrganisationCategory.ObserverState, Capacity.ObserverState, RegistrationStatus.Submitted, "en",
            [DelegationBuilders.Nominee("Omar", "Haddad", language: "ar")]);
        var un = await DelegationAsync("UN entity", OrganisationCategory.UnSystemEntity, Capacity.UnSystem, RegistrationStatus.Draft, "es",
            [DelegationBuilders.Nominee("Lucía", "García", language: "es")]);
        var igo = await DelegationAsync("IGO", OrganisationCategory.IntergovernmentalOrganisation, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Approved, "ru",
            [DelegationBuilders.Nominee("Ivan", "Petrov", language: "ru")]);

        // The NGO's focal point is also nominated by the member State, with the address in capitals.
        var ngoOrganisation = await factory.AddOrganisationAsync($"NGO {tag}", OrganisationCategory.NonGovernmentalOrganisation);
        var ngoFocalPoint = await factory.AddFocalPointAsync(ngoOrganisation, "en");
        var ngoNominee = DelegationBuilders.Nominee("Grace", "Okafor");
        var ngoWaitlisted = DelegationBuilders.Nominee("Waiting", "Listed");
        await factory.AddDelegationAsync(sessionId, ngoOrganisation, Capacity.Stakeholder, RegistrationStatus.Submitted, [ngoNominee], [ngoWaitlisted]);
        var shared = ngoFocalPoint.Email!.ToUpperInvariant();
        var memberOrganisation2 = await factory.AddOrganisationAsync($"Second member {tag}", OrganisationCategory.MemberState);
        await factory.AddDelegationAsync(sessionId, memberOrganisation2, Capacity.Member, RegistrationStatus.Approved,
            [DelegationBuilders.Nominee("Shared", "Address", email: shared)]);

        return new CampaignAudienceScenario(
            sessionId,
            member.FocalPoint,
            [.. member.Participants, shared],
            observer.FocalPoint,
            observer.Participants.Single(),
            un.FocalPoint,
            un.Participants.Single(),
            igo.FocalPoint,
            igo.Participants.Single(),
            ngoFocalPoint.Email!,
            ngoNominee.Email,
            ngoWaitlisted.Email);
    }
}
