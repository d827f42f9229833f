using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Accounts.Account;

/// <summary>
/// A copied sign-in cookie (another browser, a stolen one) stops working the moment its account signs out or its
/// password is changed or reset: not at the next periodic check.
/// </summary>
public sealed class SignOutTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string NewPassword = "violet-harbour-tram-1927";

    [Fact]
    public async Task Sign_out_revokes_every_cookie_of_the_account()
    {
        var (browser, cookies) = Browser();
        await browser.SignInAsAsync(factory, Roles.Secretariat);
        var copy = CopyOfSignInCookie(cookies);
        await AssertOpensUsersAsync(copy);

        var signOut = await browser.PostFormAsync("/account/sign-out", new { }, "/");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        await AssertSignedOutAsync(copy);
        await AssertSignedOutAsync(browser);
    }

    [Fact]
    public async Task Sign_out_leaves_no_entry_in_the_audit_log_and_a_password_change_does()
    {
        var (browser, _) = Browser();
        var user = await browser.SignInAsAsync(factory, Roles.Secretariat);

        await browser.PostFormAsync("/account/sign-out", new { }, "/");
        Assert.Empty(await AuditEntriesOfAsync(user.Id));

        await browser.SignInAsync(user.Email!, "a-long-test-password");
        await browser.PostFormAsync("/account/change-password", new { CurrentPassword = "a-long-test-password", NewPassword, ConfirmNewPassword = NewPassword });
        Assert.Contains(await AuditEntriesOfAsync(user.Id), changes => changes.Contains(nameof(User.PasswordHash), StringComparison.Ordinal));
    }

    private Task<List<string>> AuditEntriesOfAsync(string userId) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(User) && e.EntityId == userId && e.Action == "Modified")
            .Select(e => e.Changes).ToListAsync());

    [Fact]
    public async Task A_password_change_revokes_the_other_cookies_of_the_account_and_keeps_this_one()
    {
        var (browser, cookies) = Browser();
        await browser.SignInAsAsync(factory, Roles.Secretariat);
        var copy = CopyOfSignInCookie(cookies);
        await AssertOpensUsersAsync(copy);

        var changed = await browser.PostFormAsync("/account/change-password", new { CurrentPassword = "a-long-test-password", NewPassword, ConfirmNewPassword = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await AssertSignedOutAsync(copy);
        await AssertOpensUsersAsync(browser);
    }

    [Fact]
    public async Task A_password_reset_revokes_every_cookie_of_the_account()
    {
        var (browser, cookies) = Browser();
        var user = await browser.SignInAsAsync(factory, Roles.Secretariat);
        var copy = CopyOfSignInCookie(cookies);
        await AssertOpensUsersAsync(copy);

        var anonymous = factory.CreateBrowser("en");
        await anonymous.PostFormAsync("/account/forgot-password", new { Email = user.Email });
        var link = (await factory.WaitForMessageAsync(user.Email!)).LinkTo("/account/reset-password");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), link).Query);
        var reset = await anonymous.PostFormAsync("/account/reset-password", new { UserId = query["userId"].ToString(), Code = query["code"].ToString(), Password = NewPassword, ConfirmPassword = NewPassword }, link);
        Assert.Contains("Your new password is saved", await reset.PageTextAsync());

        await AssertSignedOutAsync(copy);
        await AssertSignedOutAsync(browser);
    }

    /// <summary>A client whose cookies the test can read, as a browser's developer tools can.</summary>
    private (HttpClient Client, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        return (factory.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>Another client sending the same sign-in cookie (chunks included) and nothing else.</summary>
    private HttpClient CopyOfSignInCookie(CookieContainer cookies)
    {
        var signIn = cookies.GetCookies(new Uri("http://localhost/")).Where(c => c.Name.StartsWith("sessions.auth", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(signIn);
        var copy = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", string.Join("; ", signIn.Select(c => $"{c.Name}={c.Value}")));
        return copy;
    }

    private static async Task AssertOpensUsersAsync(HttpClient client) =>
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        var response = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }
}
