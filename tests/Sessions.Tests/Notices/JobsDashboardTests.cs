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

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/jobs/recurring")]
    [InlineData("/jobs/jobs/succeeded")]
    public async Task The_jobs_dashboard_may_use_its_own_inline_scripts_and_styles(string url)
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/users")]
    [InlineData("/jobs-of-someone-else")]
    public async Task Pages_outside_the_jobs_dashboard_keep_the_strict_policy_for_the_secretariat(string url)
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.GetAsync(url);

        Assert.DoesNotContain("unsafe-inline", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
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
