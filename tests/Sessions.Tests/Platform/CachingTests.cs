using System.Net;
using Sessions.Core.Accounts;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Platform;

/// <summary>What needs sign-in is never kept by a browser or a proxy; static files stay cacheable.</summary>
public sealed class CachingTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Downloads_of_letters_exports_workbooks_and_badges_are_never_stored()
    {
        var scenario = await factory.StartDelegationAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await scenario.Client.UploadLetterAsync(scenario.DelegationId, TestPdf.Bytes())).StatusCode);
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var badgeOrganisationId = await factory.AddOrganisationAsync($"Badge Org {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);
        var approved = await factory.AddDelegationAsync(scenario.SessionId, badgeOrganisationId, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Approved, [Nominee("Amina", "Diallo", ParticipantFunction.HeadOfDelegation)]);
        var badgeToken = (await factory.ParticipantAsync(approved.ParticipantIds[0])).BadgeToken!;

        await AssertNotStoredAsync(scenario.Client, $"/delegations/{scenario.DelegationId}/letter", "application/pdf");
        await AssertNotStoredAsync(secretariat, "/organisations/export", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await AssertNotStoredAsync(secretariat, $"/sessions/manage/{scenario.SessionId}/statements.xlsx?status=all", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await AssertNotStoredAsync(secretariat, $"/statistics/participation.xlsx?bodyId={scenario.BodyId}&from=2020-01-01&to=2040-12-31", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await AssertNotStoredAsync(secretariat, $"/badges/{badgeToken}/qr.png", "image/png");
        await AssertNotStoredAsync(secretariat, $"/badges/{badgeToken}", "text/html");
    }

    [Fact]
    public async Task A_page_that_needs_sign_in_is_not_stored_even_when_it_sends_the_visitor_to_sign_in()
    {
        var response = await factory.CreateBrowser().GetAsync("/organisations/export");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Static_files_stay_cacheable_for_a_signed_in_user()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    private static async Task AssertNotStoredAsync(HttpClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(url);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: Cache-Control: {response.Headers.CacheControl}");
    }
}
