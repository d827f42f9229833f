using System.Net;
using System.Text;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Organisations;

public sealed class OrganisationAccessTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Theory]
    [InlineData("/organisations")]
    [InlineData("/organisations/import")]
    [InlineData("/organisations/new")]
    [InlineData("/organisations/export")]
    public async Task Focal_point_cannot_open_the_secretariat_pages(string url)
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.FocalPoint);

        await client.AssertForbiddenAsync(await client.GetAsync(url));
    }

    [Fact]
    public async Task Focal_point_cannot_upload_an_import()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.FocalPoint);

        var response = await client.PostFileAsync("/organisations/import", "file", "list.csv", Encoding.UTF8.GetBytes("Name,Category\nSneaky,Other\n"), "text/csv", formPageUrl: "/account/sign-in");

        await client.AssertForbiddenAsync(response);
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "imports")) && Directory.EnumerateFiles(Path.Combine(factory.DataDirectory, "imports")).Any());
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await factory.CreateBrowser().GetAsync("/organisations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
    }
}
