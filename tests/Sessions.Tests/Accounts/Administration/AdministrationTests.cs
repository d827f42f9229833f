using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Accounts.Administration;

public sealed class AdministrationTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    public static readonly TheoryData<string> SecretariatPages = new() { "/admin/users", "/admin/focal-points", "/audit", "/jobs", "/admin/users/new" };

    [Theory]
    [MemberData(nameof(SecretariatPages))]
    public async Task A_focal_point_gets_403_on_secretariat_pages(string url)
    {
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.FocalPoint);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        if (!url.StartsWith("/jobs", StringComparison.Ordinal))
        {
            Assert.Contains("Access denied", await response.PageTextAsync());
        }
    }

    [Theory]
    [MemberData(nameof(SecretariatPages))]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_from_secretariat_pages(string url)
    {
        var response = await factory.CreateBrowser("en").GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.Headers.Location?.AbsolutePath ?? new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task The_secretariat_lists_and_searches_users_with_their_state()
    {
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var unconfirmed = AccountTestData.NewEmail("zebulon");
        await factory.InScopeAsync(async sp =>
        {
            var user = new User { UserName = unconfirmed, Email = unconfirmed, FullName = "Zébulon Unconfirmed", CreatedAt = DateTime.UtcNow };
            await sp.GetRequiredService<UserManager<User>>().CreateAsync(user, AccountTestData.Password);
        });

        var page = await client.GetPageTextAsync("/admin/users?search=zebulon");

        Assert.Contains(unconfirmed, page);
        Assert.Contains("Email not confirmed", page);
        Assert.Matches(@"\b1 result\b(?!s)", page);
        Assert.DoesNotContain(SessionsAppFactory.AdminEmail, page);
    }

    [Fact]
    public async Task A_secretariat_user_added_by_a_colleague_chooses_a_password_through_the_emailed_link()
    {
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var email = AccountTestData.NewEmail("olga");

        var created = await client.PostFormAsync("/admin/users/new", new { FullName = "Olga Ivanova", Email = email, PreferredLanguage = "ru" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var user = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Users.SingleAsync(u => u.Email == email));
        Assert.False(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);

        var message = await factory.WaitForMessageAsync(email);
        Assert.Equal("Вам предоставлена учетная запись секретариата", message.Subject);
        var link = message.LinkTo("/account/reset-password");
        var olga = factory.CreateBrowser("ru");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), link).Query);
        var saved = await olga.PostFormAsync("/account/reset-password", new { UserId = query["userId"].ToString(), Code = query["code"].ToString(), Password = "olga-chose-this-one", ConfirmPassword = "olga-chose-this-one" }, link);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        await olga.SignInAsync(email, "olga-chose-this-one");
        Assert.Equal(HttpStatusCode.OK, (await olga.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_sends_the_confirmation_link_again_to_an_unconfirmed_account()
    {
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var email = AccountTestData.NewEmail("unconfirmed");
        var user = await factory.InScopeAsync(async sp =>
        {
            var user = new User { UserName = email, Email = email, FullName = "Unconfirmed", PreferredLanguage = "zh", CreatedAt = DateTime.UtcNow };
            await sp.GetRequiredService<UserManager<User>>().CreateAsync(user, AccountTestData.Password);
            return user;
        });

        var sent = await client.PostFormAsync($"/admin/users/{user.Id}/send-link", new { }, $"/admin/users/{user.Id}");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var message = await factory.WaitForMessageAsync(email);
        Assert.Equal("请确认您的电子邮件地址", message.Subject);
        await factory.CreateBrowser("zh").GetAsync(message.LinkTo("/account/confirm-email"));
        await factory.CreateBrowser("zh").SignInAsync(email, AccountTestData.Password);
    }

    [Fact]
    public async Task Approving_a_claim_makes_a_focal_point_and_tells_them_in_their_language()
    {
        var organisation = await factory.CreateOrganisationAsync($"Ciudades Unidas {Guid.NewGuid():N}", "es");
        var email = AccountTestData.NewEmail("pilar");
        var claimant = await factory.CreateUserAsync(email, AccountTestData.Password, null, "es");
        var claim = await factory.CreateClaimAsync(organisation.Id, claimant.Id);
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var queue = await client.GetPageTextAsync("/admin/focal-points");
        Assert.Contains(email, queue);
        Assert.Contains(organisation.Name, queue);

        var approved = await client.PostFormAsync($"/admin/focal-points/{claim.Id}/approve", new { }, "/admin/focal-points");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var (status, decidedBy, roles) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var decided = await db.FocalPoints.AsNoTracking().SingleAsync(f => f.Id == claim.Id);
            var user = await db.Users.SingleAsync(u => u.Id == claimant.Id);
            return (decided.Status, decided.DecidedByUserId, await sp.GetRequiredService<UserManager<User>>().GetRolesAsync(user));
        });
        Assert.Equal(FocalPointStatus.Approved, status);
        Assert.NotNull(decidedBy);
        Assert.Contains(Roles.FocalPoint, roles);
        Assert.DoesNotContain(email, await client.GetPageTextAsync("/admin/focal-points"));

        var message = await factory.WaitForMessageAsync(email);
        Assert.Equal($"Su solicitud para actuar en nombre de {organisation.Name} ha sido aprobada", message.Subject);

        var again = await client.PostConfirmedFormAsync($"/admin/focal-points/{claim.Id}/reject", new { reason = "Too late" }, "/admin/focal-points");
        Assert.Contains("This request has already been decided.", await again.PageTextAsync());
    }

    [Fact]
    public async Task Rejecting_a_claim_needs_a_reason_which_is_sent_to_the_person()
    {
        var organisation = await factory.CreateOrganisationAsync($"Global Planners Network {Guid.NewGuid():N}");
        var email = AccountTestData.NewEmail("mallory");
        var claimant = await factory.CreateUserAsync(email, AccountTestData.Password, null, "fr");
        var claim = await factory.CreateClaimAsync(organisation.Id, claimant.Id);
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var noReason = await client.PostFormAsync($"/admin/focal-points/{claim.Id}/reject", new { reason = " " }, "/admin/focal-points");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Give the reason for the rejection.", await noReason.PageTextAsync());
        var stillPending = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().FocalPoints.AsNoTracking().Where(f => f.Id == claim.Id).Select(f => f.Status).SingleAsync());
        Assert.Equal(FocalPointStatus.Pending, stillPending);

        var rejected = await client.PostConfirmedFormAsync($"/admin/focal-points/{claim.Id}/reject", new { reason = "Not a staff member of this organisation." }, "/admin/focal-points");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);

        var (status, reason, roles) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var decided = await db.FocalPoints.AsNoTracking().SingleAsync(f => f.Id == claim.Id);
            var user = await db.Users.SingleAsync(u => u.Id == claimant.Id);
            return (decided.Status, decided.DecisionReason, await sp.GetRequiredService<UserManager<User>>().GetRolesAsync(user));
        });
        Assert.Equal(FocalPointStatus.Rejected, status);
        Assert.Equal("Not a staff member of this organisation.", reason);
        Assert.Empty(roles);

        var message = await factory.WaitForMessageAsync(email);
        Assert.Contains(organisation.Name, message.Subject);
        Assert.StartsWith("Votre demande", message.Subject);
        Assert.Contains("Not a staff member of this organisation.", message.TextBody);
    }
}
