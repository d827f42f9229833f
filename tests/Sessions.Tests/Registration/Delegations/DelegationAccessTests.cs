using System.Net;
using Sessions.Core.Accounts;
using Sessions.Core.Organisations;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Registration.Delegations;

/// <summary>A focal point of one organisation who changes an id in the address finds nothing of another's: 404 on every route.</summary>
public sealed class DelegationAccessTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Another_organisations_focal_point_gets_404_on_every_delegation_route()
    {
        var victim = await factory.StartDelegationAsync();
        await victim.Client.NominateAsync(victim.DelegationId, DelegationBuilders.NewEmail("victim"));
        await victim.Client.UploadLetterAsync(victim.DelegationId, TestPdf.Bytes());
        var participantId = (await factory.DelegationAsync(victim.DelegationId)).Participants.Single().Id;
        var intruder = await factory.StartDelegationAsync(sessionId: victim.SessionId);
        var client = intruder.Client;
        var id = victim.DelegationId;

        foreach (var url in new[]
        {
            $"/delegations/{id}",
            $"/delegations/{id}/letter",
            $"/delegations/{id}/participants/new",
            $"/delegations/{id}/participants/{participantId}/edit",
            $"/delegations/new?sessionId={victim.SessionId}&organisationId={victim.OrganisationId}",
        })
        {
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync(url)).StatusCode, $"GET {url}");
        }

        foreach (var url in new[]
        {
            $"/delegations/{id}/participants/new",
            $"/delegations/{id}/participants/{participantId}/edit",
            $"/delegations/{id}/participants/{participantId}/withdraw",
            $"/delegations/{id}/submit",
            $"/delegations/{id}/withdraw",
            $"/delegations/new?sessionId={victim.SessionId}&organisationId={victim.OrganisationId}",
        })
        {
            var response = await client.PostConfirmedPageFormAsync(url, DelegationBuilders.NominationForm(DelegationBuilders.NewEmail("intruder")), "/delegations");
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"POST {url}: {(int)response.StatusCode}");
        }

        var upload = await client.PostFileAsync($"/delegations/{id}/letter", "file", "letter.pdf", TestPdf.Bytes(), "application/pdf", formPageUrl: "/delegations");
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);

        // Nothing of the victim's delegation changed.
        var delegation = await factory.DelegationAsync(id);
        Assert.Equal(Core.Registration.RegistrationStatus.Draft, delegation.Status);
        Assert.Equal(Core.Registration.ParticipantStatus.Nominated, Assert.Single(delegation.Participants).Status);
        Assert.Equal("Amina", delegation.Participants.Single().GivenName);
    }

    [Fact]
    public async Task A_participant_of_another_delegation_is_not_found_through_ones_own_delegation()
    {
        var victim = await factory.StartDelegationAsync();
        await victim.Client.NominateAsync(victim.DelegationId, DelegationBuilders.NewEmail("victim"));
        var participantId = (await factory.DelegationAsync(victim.DelegationId)).Participants.Single().Id;
        var intruder = await factory.StartDelegationAsync(sessionId: victim.SessionId);
        var own = intruder.DelegationId;

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.Client.GetAsync($"/delegations/{own}/participants/{participantId}/edit")).StatusCode);
        var edit = await intruder.Client.PostPageFormAsync($"/delegations/{own}/participants/{participantId}/edit", DelegationBuilders.NominationForm(DelegationBuilders.NewEmail("x")), $"/delegations/{own}");
        var withdraw = await intruder.Client.PostConfirmedPageFormAsync($"/delegations/{own}/participants/{participantId}/withdraw", new { }, $"/delegations/{own}");

        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(Core.Registration.ParticipantStatus.Nominated, (await factory.DelegationAsync(victim.DelegationId)).Participants.Single().Status);
    }

    [Fact]
    public async Task Only_focal_points_reach_the_delegation_pages()
    {
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        await secretariat.AssertForbiddenAsync("/delegations");

        var anonymous = factory.CreateBrowser();
        var response = await anonymous.GetAsync("/delegations");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/account/sign-in", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_cannot_register_for_an_organisation_they_do_not_act_for()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60)));
        var other = await factory.AddOrganisationAsync("Someone else " + OrganisationSeeding.UniqueToken(), OrganisationCategory.IntergovernmentalOrganisation);
        var scenario = await factory.StartDelegationAsync(sessionId: sessionId);

        var response = await scenario.Client.PostPageFormAsync($"/delegations/new?sessionId={sessionId}&organisationId={other}", new { }, "/delegations");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
