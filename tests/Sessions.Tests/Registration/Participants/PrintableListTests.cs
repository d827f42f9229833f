using System.Net;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Registration.Participants;

/// <summary>The secretariat's printable list of participants: everyone approved, in the UN order, on one page.</summary>
public sealed class PrintableListTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_printable_list_holds_every_approved_participant_in_the_un_order_consenting_or_not()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 9, 8), published: false);
        async Task Add(string name, OrganisationCategory category, Capacity capacity, RegistrationStatus status, params ParticipantDetails[] nominees) =>
            await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync(name, category), capacity, status, nominees);
        await Add("Zimbabwe", OrganisationCategory.MemberState, Capacity.Member, RegistrationStatus.Approved, Nominee("Tendai", "Moyo"));
        await Add("Brazil", OrganisationCategory.MemberState, Capacity.Member, RegistrationStatus.Approved,
            Nominee("Carla", "Adviser", ParticipantFunction.Adviser), Nominee("Joao", "Head", ParticipantFunction.HeadOfDelegation), Nominee("Private", "Person", consent: false));
        await Add("Alpha Network", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, RegistrationStatus.Approved, Nominee("Nadia", "Civil", consent: false));
        await Add("Holy See", OrganisationCategory.ObserverState, Capacity.ObserverState, RegistrationStatus.Approved, Nominee("Observer", "Statesman"));
        await Add("Pending Town", OrganisationCategory.LocalOrRegionalGovernment, Capacity.Stakeholder, RegistrationStatus.Submitted, Nominee("Not", "Yet"));
        for (var i = 0; i < 3; i++)
        {
            await Add($"Big Delegation {i}", OrganisationCategory.Other, Capacity.Stakeholder, RegistrationStatus.Approved,
                [.. Enumerable.Range(1, 80).Select(n => Nominee("Member", $"D{i}N{n:000}"))]);
        }

        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var response = await secretariat.GetAsync($"/sessions/manage/{sessionId}/participants/print");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string[] order = ["Brazil", "Joao", "Private", "Carla", "Zimbabwe", "Holy See", "Alpha Network", "Nadia", "Big Delegation 0", "D2N080"];
        var positions = order.Select(text => (text, position: page.IndexOf(text, StringComparison.Ordinal))).ToList();
        Assert.All(positions, p => Assert.True(p.position >= 0, $"{p.text} is missing from the list."));
        Assert.Equal(order, positions.OrderBy(p => p.position).Select(p => p.text));
        Assert.DoesNotContain("Pending Town", page);
        Assert.Contains("246 names", page);
        Assert.Contains("js-print", page);
        Assert.DoesNotContain("pagination", page);
    }

    [Fact]
    public async Task Every_printed_page_of_the_list_is_headed_by_the_session_and_numbered_in_the_reader_s_language()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 9, 8), title: "Session \"quoted\" } @page");
        var secretariat = factory.CreateBrowser("fr");
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);

        var page = await secretariat.GetStringAsync($"/sessions/manage/{sessionId}/participants/print");
        var response = await secretariat.GetAsync($"/sessions/manage/{sessionId}/participants/print/page.css");
        var css = await response.Content.ReadAsStringAsync();

        Assert.Contains($"href=\"/sessions/manage/{sessionId}/participants/print/page.css\" media=\"print\"", page);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("content: \"Page \" counter(page) \" sur \" counter(pages);", css);
        Assert.Contains("Imprimé le ", css);
        Assert.Contains("Session \\22 quoted\\22  } @page\"", css);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/sessions/manage/999999/participants/print/page.css")).StatusCode);
    }

    [Fact]
    public async Task Only_the_secretariat_prints_the_list_and_an_unknown_session_is_not_found()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 10, 6));
        var organisationId = await factory.AddOrganisationAsync("Printing Refusers", OrganisationCategory.NonGovernmentalOrganisation);
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, organisationId);
        var anonymous = factory.CreateBrowser();
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);

        Assert.NotEqual(HttpStatusCode.OK, (await focalPoint.GetAsync($"/sessions/manage/{sessionId}/participants/print")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"/sessions/manage/{sessionId}/participants/print")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/sessions/manage/999999/participants/print")).StatusCode);
        Assert.Contains($"/sessions/manage/{sessionId}/participants/print", await secretariat.GetStringAsync($"/sessions/manage/{sessionId}"));
    }
}
