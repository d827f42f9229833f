using System.Net;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Accounts.Account;

public sealed class SignInProtectionTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_refused()
    {
        var email = AccountTestData.NewEmail("csrf");
        await factory.CreateUserAsync(email, AccountTestData.Password, Roles.FocalPoint);
        var client = factory.CreateBrowser("en");

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = AccountTestData.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sessions.auth=", StringComparison.Ordinal) && !c.StartsWith("sessions.auth=;", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_account_is_signed_out_at_its_next_request_and_cannot_sign_in()
    {
        var focalPointClient = factory.CreateBrowser("en");
        var focalPoint = await focalPointClient.SignInAsAsync(factory, Roles.FocalPoint);
        Assert.Equal(HttpStatusCode.OK, (await focalPointClient.GetAsync("/account")).StatusCode);

        var secretariat = factory.CreateBrowser("en");
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var deactivated = await secretariat.PostConfirmedFormAsync($"/admin/users/{focalPoint.Id}/deactivate", new { }, $"/admin/users/{focalPoint.Id}");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);

        var next = await focalPointClient.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/account/sign-in", next.Headers.Location?.PathAndQuery() ?? "");

        var again = await factory.CreateBrowser("en").PostFormAsync("/account/sign-in", new { Email = focalPoint.Email, Password = "a-long-test-password" });
        Assert.Contains("This account has been deactivated. Contact the secretariat.", await again.PageTextAsync());
        var notice = await factory.WaitForMessageAsync(focalPoint.Email!, m => m.Subject == "Your account has been deactivated");
        Assert.NotNull(notice);

        var reactivated = await secretariat.PostFormAsync($"/admin/users/{focalPoint.Id}/reactivate", new { }, $"/admin/users/{focalPoint.Id}");
        Assert.Equal(HttpStatusCode.Redirect, reactivated.StatusCode);
        await factory.CreateBrowser("en").SignInAsync(focalPoint.Email!, "a-long-test-password");
    }

    [Fact]
    public async Task The_secretariat_cannot_deactivate_its_own_account()
    {
        var client = factory.CreateBrowser("en");
        var me = await client.SignInAsAsync(factory, Roles.Secretariat);
        var page = await client.GetPageTextAsync($"/admin/users/{me.Id}");
        Assert.DoesNotContain($"/admin/users/{me.Id}/deactivate", page);

        var response = await client.PostConfirmedFormAsync($"/admin/users/{me.Id}/deactivate", new { }, "/admin/users");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You cannot deactivate or reactivate your own account.", await response.PageTextAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }
}

internal static class UriPaths
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
