using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accreditation;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Registration.Delegations;

public sealed class DelegationRegistrationTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static readonly DateOnly _opensOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(60));

    [Fact]
    public async Task Capacity_is_derived_from_the_membership_of_the_body_and_the_category()
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, _opensOn);
        var member = await factory.AddOrganisationAsync("Kenya " + OrganisationSeeding.UniqueToken(), OrganisationCategory.MemberState);
        var formerMember = await factory.AddOrganisationAsync("Brazil " + OrganisationSeeding.UniqueToken(), OrganisationCategory.MemberState);
        var ngo = await factory.AddOrganisationAsync("Habitat NGO " + OrganisationSeeding.UniqueToken(), OrganisationCategory.NonGovernmentalOrganisation);
        await factory.AddAccreditationAsync(ngo, AccreditationBasis.EcosocSpecial);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var body = await db.Bodies.Include(b => b.Memberships).SingleAsync(b => b.Id == bodyId);
            body.AddMember(member, _opensOn.AddYears(-1), null);
            body.AddMember(formerMember, _opensOn.AddYears(-4), _opensOn.AddDays(-1));
            await db.SaveChangesAsync();
        });

        foreach (var (organisationId, expected, label) in new[]
        {
            (member, Capacity.Member, "Member of the body"),
            (formerMember, Capacity.ObserverState, "Observer State"),
            (ngo, Capacity.Stakeholder, "Stakeholder"),
        })
        {
            var client = factory.CreateBrowser();
            await client.SignInAsFocalPointOfAsync(factory, organisationId);
            var page = await client.GetPageTextAsync($"/delegations/new?sessionId={sessionId}&organisationId={organisationId}");
            Assert.Contains(label, page);
            var id = await client.RegisterDelegationAsync(sessionId, organisationId);
            var delegation = await factory.DelegationAsync(id);
            Assert.Equal(expected, delegation.Capacity);
            Assert.Equal(RegistrationStatus.Draft, delegation.Status);
        }
    }

    [Theory]
    [InlineData(null, AccreditationStatus.Granted, false)]
    [InlineData(AccreditationBasis.EcosocGeneral, AccreditationStatus.Pending, false)]
    [InlineData(AccreditationBasis.EcosocRoster, AccreditationStatus.Suspended, false)]
    [InlineData(AccreditationBasis.HabitatIII, AccreditationStatus.Granted, true)]
    [InlineData(AccreditationBasis.AdHoc, AccreditationStatus.Granted, true)]
    public async Task A_stakeholder_registers_only_with_an_eligible_accreditation(AccreditationBasis? basis, AccreditationStatus status, bool eligible)
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, _opensOn);
        var ngo = await factory.AddOrganisationAsync("Youth network " + OrganisationSeeding.UniqueToken(), OrganisationCategory.NonGovernmentalOrganisation);
        if (basis is { } b)
        {
            await factory.AddAccreditationAsync(ngo, b, status, b == AccreditationBasis.AdHoc ? bodyId : null);
        }

        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, ngo);
        var url = $"/delegations/new?sessionId={sessionId}&organisationId={ngo}";
        var response = await client.PostFormAsync(url, new { }, "/delegations");
        var count = await factory.WithDbAsync(db => db.Delegations.CountAsync(d => d.OrganisationId == ngo));
        if (eligible)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(1, count);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("has no accreditation that allows it to register for this session", await response.PageTextAsync());
            Assert.Equal(0, count);
        }
    }

    [Fact]
    public async Task An_ad_hoc_accreditation_to_another_body_does_not_make_a_stakeholder_eligible()
    {
        var bodyId = await factory.AddBodyAsync();
        var otherBodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, _opensOn);
        var ngo = await factory.AddOrganisationAsync("City network " + OrganisationSeeding.UniqueToken(), OrganisationCategory.LocalOrRegionalGovernment);
        await factory.AddAccreditationAsync(ngo, AccreditationBasis.AdHoc, AccreditationStatus.Granted, otherBodyId);
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, ngo);

        var page = await client.GetPageTextAsync($"/delegations/new?sessionId={sessionId}&organisationId={ngo}");

        Assert.Contains("has no accreditation that allows it to register for this session", page);
        Assert.DoesNotContain("Register the delegation", page);
    }

    [Fact]
    public async Task A_second_delegation_of_the_same_organisation_to_the_same_session_is_refused()
    {
        var scenario = await factory.StartDelegationAsync();

        var response = await scenario.Client.PostFormAsync($"/delegations/new?sessionId={scenario.SessionId}&organisationId={scenario.OrganisationId}", new { }, "/delegations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already has a delegation to this session", await response.PageTextAsync());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Delegations.CountAsync(d => d.OrganisationId == scenario.OrganisationId)));
    }

    [Fact]
    public async Task The_focal_point_sees_the_delegations_and_the_sessions_open_to_each_organisation()
    {
        var scenario = await factory.StartDelegationAsync();
        var otherBody = await factory.AddBodyAsync(BodyKind.ExecutiveBoard);
        var openSession = await factory.AddSessionAsync(otherBody, _opensOn, title: "Open session " + OrganisationSeeding.UniqueToken());
        var closedSession = await factory.AddSessionAsync(otherBody, _opensOn, title: "Closed session " + OrganisationSeeding.UniqueToken(), configure: s => s.NominationDeadline = DateTime.UtcNow.AddDays(-1));
        var symbol = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == scenario.SessionId).Select(s => s.Symbol).SingleAsync());

        var page = await scenario.Client.GetPageTextAsync("/delegations");

        Assert.Contains($"/delegations/{scenario.DelegationId}", page);
        Assert.Contains(symbol, page);
        Assert.Contains($"/delegations/new?sessionId={openSession}&organisationId={scenario.OrganisationId}", page);
        Assert.DoesNotContain($"sessionId={closedSession}&", page);
        Assert.DoesNotContain($"sessionId={scenario.SessionId}&", page);
    }

    [Fact]
    public async Task A_focal_point_whose_claim_is_not_approved_sees_no_organisation()
    {
        var organisation = await factory.AddOrganisationAsync("Pending org " + OrganisationSeeding.UniqueToken(), OrganisationCategory.IntergovernmentalOrganisation);
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), _opensOn);
        var client = factory.CreateBrowser();
        var user = await client.SignInAsAsync(factory, Core.Accounts.Roles.FocalPoint);
        await factory.CreateClaimAsync(organisation, user.Id);

        Assert.DoesNotContain("Pending org", await client.GetPageTextAsync("/delegations"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/delegations/new?sessionId={sessionId}&organisationId={organisation}")).StatusCode);
    }
}
