using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Registration.Badges;

public sealed class BadgeTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private sealed record Seeded(int OrganisationId, int DelegationId, string Token, string ParticipantEmail);

    private async Task<Seeded> ApprovedParticipantAsync()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 5, 12), title: "Second session of the Assembly");
        var organisationId = await factory.AddOrganisationAsync($"Badge Org {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);
        var nominee = Nominee("Amina", "Diallo", ParticipantFunction.HeadOfDelegation);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Approved, [nominee]);
        var participant = await factory.ParticipantAsync(delegation.ParticipantIds[0]);
        return new Seeded(organisationId, delegation.Id, participant.BadgeToken!, nominee.Email);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = factory.CreateBrowser();
        await client.SignInAsync(email, FocalPointPassword);
        return client;
    }

    [Fact]
    public async Task The_participant_opens_their_badge_with_name_organisation_capacity_colour_and_qr_code()
    {
        var seeded = await ApprovedParticipantAsync();
        await factory.CreateUserAsync(seeded.ParticipantEmail, FocalPointPassword, Roles.Delegate);
        var client = await SignedInAsync(seeded.ParticipantEmail);

        var response = await client.GetAsync($"/badges/{seeded.Token}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Amina", page);
        Assert.Contains("Diallo", page);
        Assert.Contains("Badge Org", page);
        Assert.Contains("capacity-intergovernmentalorganisation", page);
        Assert.Contains("Second session of the Assembly", page);
        Assert.Contains($"src=\"/badges/{seeded.Token}/qr.png\"", page);
    }

    [Fact]
    public async Task A_participant_whose_account_link_the_secretariat_undid_no_longer_opens_their_badge()
    {
        var seeded = await ApprovedParticipantAsync();
        await factory.CreateUserAsync(seeded.ParticipantEmail, FocalPointPassword, Roles.Delegate);
        var client = await SignedInAsync(seeded.ParticipantEmail);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/badges/{seeded.Token}")).StatusCode);
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var participant = await factory.WithDbAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.BadgeToken == seeded.Token));

        var undone = await secretariat.PostConfirmedFormAsync($"/registrations/participants/{participant.Id}/unlink", new { participant.Version }, $"/registrations/{seeded.DelegationId}");

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/badges/{seeded.Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedInAsync(seeded.ParticipantEmail)).GetAsync($"/badges/{seeded.Token}")).StatusCode);
    }

    [Fact]
    public async Task The_qr_code_is_a_png_image()
    {
        var seeded = await ApprovedParticipantAsync();
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.GetAsync($"/badges/{seeded.Token}/qr.png");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
    }

    [Fact]
    public async Task The_focal_point_and_the_secretariat_open_the_badge_and_the_delegation_badges()
    {
        var seeded = await ApprovedParticipantAsync();
        var focalPoint = await factory.AddFocalPointAsync(seeded.OrganisationId);
        var focalPointClient = await SignedInAsync(focalPoint.Email!);
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);

        Assert.Equal(HttpStatusCode.OK, (await focalPointClient.GetAsync($"/badges/{seeded.Token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/badges/{seeded.Token}")).StatusCode);
        var all = await focalPointClient.GetStringAsync($"/badges/delegation/{seeded.DelegationId}");
        Assert.Contains($"/badges/{seeded.Token}/qr.png", all);
        Assert.Contains($"/badges/{seeded.Token}/qr.png", await secretariat.GetStringAsync($"/badges/delegation/{seeded.DelegationId}"));
    }

    [Fact]
    public async Task Another_organisations_focal_point_gets_a_404_for_the_badge_its_qr_code_and_the_delegation_badges()
    {
        var seeded = await ApprovedParticipantAsync();
        var otherOrganisation = await factory.AddOrganisationAsync($"Other Org {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var stranger = await factory.AddFocalPointAsync(otherOrganisation);
        var client = await SignedInAsync(stranger.Email!);

        var badge = await client.GetAsync($"/badges/{seeded.Token}");

        Assert.Equal(HttpStatusCode.NotFound, badge.StatusCode);
        Assert.Contains("This badge is not valid", await badge.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Diallo", await badge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/badges/{seeded.Token}/qr.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/badges/delegation/{seeded.DelegationId}")).StatusCode);
    }

    [Fact]
    public async Task A_guessed_token_is_not_a_valid_badge()
    {
        await ApprovedParticipantAsync();
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var guessed = await client.GetAsync($"/badges/{Participant.NewToken()}");
        var malformed = await client.GetAsync("/badges/1234");

        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Contains("This badge is not valid", await guessed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task A_revoked_badge_is_not_valid_even_for_the_secretariat()
    {
        var seeded = await ApprovedParticipantAsync();
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var participant = await db.Participants.SingleAsync(p => p.BadgeToken == seeded.Token);
            participant.RevokeBadge(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.GetAsync($"/badges/{seeded.Token}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This badge is not valid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_visitor_who_is_not_signed_in_is_sent_to_sign_in()
    {
        var seeded = await ApprovedParticipantAsync();

        var response = await factory.CreateBrowser().GetAsync($"/badges/{seeded.Token}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
    }
}
