using System.Net;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Notices;

/// <summary>The Hangfire dashboard at /jobs is for the secretariat only.</summary>
public sealed class JobsDashboardTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Secretariat_opens_the_jobs_dashboard()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sessions — jobs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Focal_point_cannot_open_the_jobs_dashboard()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.FocalPoint);

        var response = await client.GetAsync("/jobs");

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.Ordinal) == true,
            $"Got {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in_from_the_jobs_dashboard()
    {
        var response = await factory.CreateBrowser().GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.ToString());
    }
}
