using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Notices.SentMail;

/// <summary>"Mail sent by this instance": the pickup folder's messages and their links, in Development alone.</summary>
public sealed class SentMailPageTests
{
    [Fact]
    public async Task In_Development_the_page_lists_a_confirmation_message_with_its_link_and_the_home_page_points_to_it()
    {
        await using var factory = new SessionsAppFactory { EnvironmentName = "Development" };
        var email = AccountTestData.NewEmail("unconfirmed");
        await factory.InScopeAsync(async sp =>
        {
            var user = new User { UserName = email, Email = email, FullName = "Unconfirmed", CreatedAt = DateTime.UtcNow };
            Assert.True((await sp.GetRequiredService<UserManager<User>>().CreateAsync(user, AccountTestData.Password)).Succeeded);
        });
        var browser = factory.CreateBrowser("en");
        await browser.PostFormAsync("/account/resend-confirmation", new { Email = email });
        var message = await factory.WaitForMessageAsync(email);

        var page = await browser.GetStringAsync("/dev/mail");

        Assert.Contains(email, page);
        Assert.Contains(WebUtility.HtmlEncode(message.Subject ?? ""), page);
        var link = "http://localhost" + message.LinkTo("/account/confirm-email");
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(link)}\"", page);
        Assert.Contains("href=\"/dev/mail\"", await browser.GetStringAsync("/"));
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    public async Task Outside_Development_the_page_does_not_exist(string environment)
    {
        await using var factory = new SessionsAppFactory { EnvironmentName = environment };
        var secretariat = factory.CreateBrowser("en");
        await secretariat.SignInAsync(SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser("en").GetAsync("/dev/mail")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/dev/mail")).StatusCode);
        Assert.DoesNotContain("/dev/mail", await factory.CreateBrowser("en").GetStringAsync("/"));
    }
}
