using System.Net;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.AccreditationRegister;

public sealed class AccreditationAccessTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Theory]
    [InlineData("")]
    [InlineData("/letter")]
    [InlineData("/governing-body")]
    public async Task Focal_point_of_another_organisation_gets_404_on_the_application_and_its_documents(string suffix)
    {
        var id = await ApplicationAsync();
        var stranger = factory.CreateBrowser();
        await stranger.SignInAsFocalPointOfAsync(factory, await factory.AddOrganisationAsync("Stranger " + OrganisationSeeding.UniqueToken()));

        var response = await stranger.GetAsync($"/accreditation/{id}{suffix}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/letter")]
    [InlineData("/governing-body")]
    public async Task The_organisations_own_focal_point_can_read_its_application_and_documents(string suffix)
    {
        var organisationId = await factory.AddOrganisationAsync("Own " + OrganisationSeeding.UniqueToken());
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, organisationId);
        var id = (await client.ApplyAsync(organisationId, await factory.AddBodyAsync())).CreatedId();

        var response = await client.GetAsync($"/accreditation/{id}{suffix}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (suffix == "")
        {
            Assert.DoesNotContain("/grant", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Focal_point_cannot_apply_for_an_organisation_it_does_not_act_for()
    {
        var mine = await factory.AddOrganisationAsync("Mine " + OrganisationSeeding.UniqueToken());
        var theirs = await factory.AddOrganisationAsync("Theirs " + OrganisationSeeding.UniqueToken());
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, mine);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/accreditation/apply?organisationId={theirs}")).StatusCode);
        var response = await client.ApplyAsync(theirs, await factory.AddBodyAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await factory.InDatabaseAsync(db => db.Accreditations.AnyAsync(a => a.OrganisationId == theirs)));
    }

    [Fact]
    public async Task A_pending_focal_point_cannot_apply_for_the_organisation()
    {
        var organisationId = await factory.AddOrganisationAsync("Claimed " + OrganisationSeeding.UniqueToken());
        var client = factory.CreateBrowser();
        var user = await client.SignInAsAsync(factory, Roles.FocalPoint);
        await factory.InDatabaseAsync(db =>
        {
            db.FocalPoints.Add(new Sessions.Core.Organisations.FocalPoint(organisationId, user.Id, Sessions.Core.Organisations.FocalPointStatus.Pending, DateTime.UtcNow));
            return db.SaveChangesAsync();
        });

        var response = await client.ApplyAsync(organisationId, await factory.AddBodyAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("grant")]
    [InlineData("reject")]
    [InlineData("suspend")]
    [InlineData("withdraw")]
    public async Task Focal_point_cannot_decide_even_on_its_own_application(string decision)
    {
        var organisationId = await factory.AddOrganisationAsync("Self Judge " + OrganisationSeeding.UniqueToken());
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, organisationId);
        var id = (await client.ApplyAsync(organisationId, await factory.AddBodyAsync())).CreatedId();

        var response = await client.PostFormAsync($"/accreditation/{id}/{decision}", new { Version = await factory.VersionOfAccreditationAsync(id), Reason = "Because." }, $"/accreditation/{id}");

        await client.AssertForbiddenAsync(response);
        Assert.Equal(Sessions.Core.Accreditation.AccreditationStatus.Pending, await factory.InDatabaseAsync(db => db.Accreditations.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Focal_point_cannot_open_the_queue()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.FocalPoint);

        await client.AssertForbiddenAsync("/accreditation/queue");
    }

    [Theory]
    [InlineData("/accreditation")]
    [InlineData("/accreditation/apply")]
    [InlineData("/accreditation/queue")]
    [InlineData("/accreditation/1")]
    [InlineData("/accreditation/1/letter")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        var response = await factory.CreateBrowser().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_secretariat_gets_404_for_an_accreditation_that_does_not_exist()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/accreditation/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/accreditation/999999/letter")).StatusCode);
    }

    private async Task<int> ApplicationAsync()
    {
        var organisationId = await factory.AddOrganisationAsync("Owner " + OrganisationSeeding.UniqueToken());
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, organisationId);
        return (await client.ApplyAsync(organisationId, await factory.AddBodyAsync())).CreatedId();
    }
}
