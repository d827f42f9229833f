using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Accounts.Account;

public sealed class PasswordTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        var email = AccountTestData.NewEmail("forgot");
        await factory.CreateUserAsync(email, AccountTestData.Password, Roles.FocalPoint, "ru");
        var client = factory.CreateBrowser("en");

        var response = await client.PostFormAsync("/account/forgot-password", new { Email = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"If {email} belongs to an account, we have sent it a link", await response.PageTextAsync());

        var message = await factory.WaitForMessageAsync(email);
        Assert.Equal("Выберите новый пароль", message.Subject);
        var link = message.LinkTo("/account/reset-password");
        var reset = await client.PostFormAsync("/account/reset-password", Fields(link, "a-brand-new-password"), link);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Your new password is saved", await reset.PageTextAsync());

        var old = await factory.CreateBrowser("en").PostFormAsync("/account/sign-in", new { Email = email, Password = AccountTestData.Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        await factory.CreateBrowser("en").SignInAsync(email, "a-brand-new-password");

        var again = await client.PostFormAsync("/account/reset-password", Fields(link, "yet-another-password"), link);
        Assert.Contains("This link is not valid or has expired", await again.PageTextAsync());
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_unknown_address_and_sends_nothing()
    {
        var email = AccountTestData.NewEmail("nobody");
        var response = await factory.CreateBrowser("en").PostFormAsync("/account/forgot-password", new { Email = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"If {email} belongs to an account, we have sent it a link", await response.PageTextAsync());
        var queued = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails.CountAsync(e => e.ToAddress == email));
        Assert.Equal(0, queued);
    }

    [Fact]
    public async Task A_signed_in_user_changes_the_password_with_the_current_one()
    {
        var client = factory.CreateBrowser("en");
        var user = await client.SignInAsAsync(factory, Roles.FocalPoint);

        var wrong = await client.PostFormAsync("/account/change-password", new { CurrentPassword = "not-my-password", NewPassword = "my-new-long-password", ConfirmNewPassword = "my-new-long-password" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The current password is not correct.", await wrong.PageTextAsync());

        var changed = await client.PostFormAsync("/account/change-password", new { CurrentPassword = "a-long-test-password", NewPassword = "my-new-long-password", ConfirmNewPassword = "my-new-long-password" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/account", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);

        await factory.CreateBrowser("en").SignInAsync(user.Email!, "my-new-long-password");
        var message = await factory.WaitForMessageAsync(user.Email!, m => m.Subject == "Your password has been changed");
        Assert.Contains("contact the secretariat", message.TextBody);
    }

    private static Dictionary<string, string> Fields(string link, string password)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), link).Query);
        return new()
        {
            ["UserId"] = query["userId"].ToString(),
            ["Code"] = query["code"].ToString(),
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        };
    }
}
