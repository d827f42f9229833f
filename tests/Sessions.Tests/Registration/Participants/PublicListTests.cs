using System.Net;
using Sessions.Core.Bodies;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Registration.Participants;

public sealed class PublicListTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_public_list_shows_only_consenting_approved_participants_in_the_un_order_without_sign_in()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 5, 12));
        async Task<int> Add(string name, OrganisationCategory category, Capacity capacity, RegistrationStatus status, params ParticipantDetails[] nominees) =>
            (await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync(name, category), capacity, status, nominees)).Id;

        await Add("Zimbabwe", OrganisationCategory.MemberState, Capacity.Member, RegistrationStatus.Approved, Nominee("Tendai", "Moyo"));
        await Add("Brazil", OrganisationCategory.MemberState, Capacity.Member, RegistrationStatus.Approved,
            Nominee("Carla", "Adviser", ParticipantFunction.Adviser), Nominee("Joao", "Head", ParticipantFunction.HeadOfDelegation), Nominee("Hidden", "Person", consent: false));
        await Add("Holy See", OrganisationCategory.ObserverState, Capacity.ObserverState, RegistrationStatus.Approved, Nominee("Observer", "Statesman"));
        await Add("Zeta Foundation", OrganisationCategory.Foundation, Capacity.Stakeholder, RegistrationStatus.Approved, Nominee("Fiona", "Funder"));
        await Add("Alpha Network", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, RegistrationStatus.Approved, Nominee("Nadia", "Civil"));
        await Add("UNEP", OrganisationCategory.UnSystemEntity, Capacity.UnSystem, RegistrationStatus.Approved, Nominee("Uma", "System"));
        await Add("African Union", OrganisationCategory.IntergovernmentalOrganisation, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Approved, Nominee("Igo", "Delegate"));
        await Add("Pending Town", OrganisationCategory.LocalOrRegionalGovernment, Capacity.Stakeholder, RegistrationStatus.Submitted, Nominee("Not", "Yet"));
        await Add("Refused Club", OrganisationCategory.Other, Capacity.Stakeholder, RegistrationStatus.Rejected, Nominee("Never", "Listed"));
        await Add("Waiting Alliance", OrganisationCategory.Other, Capacity.Stakeholder, RegistrationStatus.Approved, Nominee("Shy", "Person", consent: false));

        var response = await factory.CreateBrowser().GetAsync($"/sessions/{sessionId}/participants");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Hidden", page);
        Assert.DoesNotContain("Pending Town", page);
        Assert.DoesNotContain("Never", page);
        Assert.DoesNotContain("Waiting Alliance", page);
        string[] order =
        [
            "Members of the body", "Brazil", "Joao", "Carla", "Zimbabwe", "Tendai",
            "Observer States", "Holy See", "United Nations system", "UNEP", "Intergovernmental organisations", "African Union",
            "Other organisations", "Alpha Network", "Zeta Foundation",
        ];
        var positions = order.Select(text => (text, position: page.IndexOf(text, StringComparison.Ordinal))).ToList();
        Assert.All(positions, p => Assert.True(p.position >= 0, $"{p.text} is missing from the list."));
        Assert.Equal(order, positions.OrderBy(p => p.position).Select(p => p.text));
        Assert.Contains("8 names", page);
    }

    [Fact]
    public async Task The_public_list_is_paged_by_two_hundred_names()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 6, 1));
        var organisationId = await factory.AddOrganisationAsync("Large Delegation", OrganisationCategory.MemberState);
        var nominees = Enumerable.Range(1, 205).Select(i => Nominee("Person", $"N{i:000}")).ToList();
        await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Member, RegistrationStatus.Approved, nominees);
        var client = factory.CreateBrowser();

        var first = await client.GetStringAsync($"/sessions/{sessionId}/participants");
        var second = await client.GetStringAsync($"/sessions/{sessionId}/participants?page=2");

        Assert.Contains("N200", first);
        Assert.DoesNotContain("N201", first);
        Assert.Contains("N201", second);
        Assert.Contains("N205", second);
        Assert.DoesNotContain("N199", second);
        Assert.Contains("(continued)", second);
    }

    [Fact]
    public async Task A_delegation_approved_after_the_list_was_read_appears_at_once()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 8, 1));
        var delegation = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Latecomers League", OrganisationCategory.NonGovernmentalOrganisation), Capacity.Stakeholder, RegistrationStatus.Submitted, [Nominee("Quinn", "Quickly")]);
        var anonymous = factory.CreateBrowser();
        Assert.DoesNotContain("Quickly", await anonymous.GetStringAsync($"/sessions/{sessionId}/participants"));
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Sessions.Core.Accounts.Roles.Secretariat);

        await secretariat.PostFormAsync($"/registrations/{delegation.Id}/approve", new { }, $"/registrations/{delegation.Id}");

        Assert.Contains("Quickly", await anonymous.GetStringAsync($"/sessions/{sessionId}/participants"));
    }

    [Fact]
    public async Task An_unknown_or_unpublished_session_has_no_public_list()
    {
        var unpublished = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 7, 1), published: false);

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync($"/sessions/{unpublished}/participants")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync("/sessions/987654/participants")).StatusCode);
    }

    [Fact]
    public async Task A_delegation_withdrawn_after_the_list_was_read_leaves_it_at_once()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 8, 2));
        var organisationId = await factory.AddOrganisationAsync($"Departing Guild {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Wanda", "Leaving")]);
        var anonymous = factory.CreateBrowser();
        Assert.Contains("Departing Guild", await anonymous.GetStringAsync($"/sessions/{sessionId}/participants"));
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, organisationId);

        var withdrawn = await focalPoint.PostConfirmedPageFormAsync($"/delegations/{delegation.Id}/withdraw", new { }, $"/delegations/{delegation.Id}");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var page = await anonymous.GetStringAsync($"/sessions/{sessionId}/participants");
        Assert.DoesNotContain("Departing Guild", page);
        Assert.DoesNotContain("Leaving", page);
    }

    [Fact]
    public async Task A_participant_whose_consent_is_withdrawn_leaves_the_list_at_once()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 8, 3));
        var organisationId = await factory.AddOrganisationAsync($"Discreet Society {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var shy = Nominee("Sam", "Quietly");
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Approved, [shy]);
        var anonymous = factory.CreateBrowser();
        Assert.Contains("Quietly", await anonymous.GetStringAsync($"/sessions/{sessionId}/participants"));
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, organisationId);

        var edited = await focalPoint.PostPageFormAsync(
            $"/delegations/{delegation.Id}/participants/{delegation.ParticipantIds[0]}/edit",
            NominationForm(shy.Email, "Sam", "Quietly", consent: false),
            $"/delegations/{delegation.Id}");

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.False((await factory.ParticipantAsync(delegation.ParticipantIds[0])).ConsentToPublicList);
        var page = await anonymous.GetStringAsync($"/sessions/{sessionId}/participants");
        Assert.DoesNotContain("Quietly", page);
        Assert.DoesNotContain("Discreet Society", page);
    }

    [Fact]
    public async Task The_public_session_page_links_to_its_list_of_participants()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 8, 4));

        var page = await factory.CreateBrowser().GetStringAsync($"/sessions/{sessionId}");

        Assert.Contains($"href=\"/sessions/{sessionId}/participants\"", page);
    }
}
