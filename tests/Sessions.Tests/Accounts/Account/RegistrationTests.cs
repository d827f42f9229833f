using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Accounts.Account;

public sealed class RegistrationTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Registering_a_new_organisation_makes_its_approved_focal_point_after_the_emailed_confirmation()
    {
        var client = factory.CreateBrowser("fr");
        var email = AccountTestData.NewEmail("amina");
        var organisationName = $"Réseau des villes durables {Guid.NewGuid():N}";

        var response = await client.PostFormAsync("/account/register", new
        {
            FullName = "Amina Diallo",
            Email = email,
            Password = AccountTestData.Password,
            ConfirmPassword = AccountTestData.Password,
            PreferredLanguage = "fr",
            NewOrganisation = "true",
            OrganisationName = organisationName,
            OrganisationAcronym = "RVD",
            OrganisationLanguage = "fr",
            OrganisationCategory = "NonGovernmentalOrganisation",
            OrganisationCountry = "SN",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vérifiez votre boîte de réception", await response.PageTextAsync());

        var (user, roles, organisation, status) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var roles = await sp.GetRequiredService<UserManager<User>>().GetRolesAsync(user);
            var organisation = await db.Organisations.SingleAsync(o => o.Name == organisationName);
            var status = await db.FocalPoints.Where(f => f.UserId == user.Id && f.OrganisationId == organisation.Id).Select(f => f.Status).SingleAsync();
            return (user, roles, organisation, status);
        });
        Assert.False(user.EmailConfirmed);
        Assert.Equal("fr", user.PreferredLanguage);
        Assert.Equal([Roles.FocalPoint], roles);
        Assert.Equal(("RVD", "SN", "fr", OrganisationCategory.NonGovernmentalOrganisation), (organisation.Acronym, organisation.CountryCode, organisation.OriginalLanguage, organisation.Category));
        Assert.Equal(FocalPointStatus.Approved, status);

        var refused = await client.PostFormAsync("/account/sign-in", new { Email = email, Password = AccountTestData.Password });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Confirmez d’abord votre adresse", await refused.PageTextAsync());

        var message = await factory.WaitForMessageAsync(email);
        Assert.Equal("Confirmez votre adresse électronique", message.Subject);
        Assert.Contains("Amina Diallo", message.TextBody);
        var confirmed = await client.GetAsync(message.LinkTo("/account/confirm-email"));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("votre adresse électronique est confirmée", await confirmed.PageTextAsync());

        await client.SignInAsync(email, AccountTestData.Password);
        var account = await client.GetPageTextAsync("/account");
        Assert.Contains(organisationName, account);
        Assert.Contains("Approuvé", account);
    }

    [Fact]
    public async Task Claiming_an_existing_organisation_waits_for_the_secretariat()
    {
        var organisation = await factory.CreateOrganisationAsync($"Habitat International Coalition {Guid.NewGuid():N}");
        var client = factory.CreateBrowser("en");
        var email = AccountTestData.NewEmail("joseph");

        var form = await client.GetPageTextAsync($"/account/register?search={Uri.EscapeDataString(organisation.Name[..20])}");
        Assert.Contains($"value=\"{organisation.Id}\"", form);

        var response = await client.PostFormAsync("/account/register", new
        {
            FullName = "Joseph Mwangi",
            Email = email,
            Password = AccountTestData.Password,
            ConfirmPassword = AccountTestData.Password,
            PreferredLanguage = "en",
            NewOrganisation = "false",
            OrganisationId = organisation.Id,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var (status, roles, organisations) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var status = await db.FocalPoints.Where(f => f.UserId == user.Id).Select(f => f.Status).SingleAsync();
            return (status, await sp.GetRequiredService<UserManager<User>>().GetRolesAsync(user), await db.Organisations.CountAsync(o => o.Name == organisation.Name));
        });
        Assert.Equal(FocalPointStatus.Pending, status);
        Assert.Empty(roles);
        Assert.Equal(1, organisations);

        var message = await factory.WaitForMessageAsync(email);
        await client.GetAsync(message.LinkTo("/account/confirm-email"));
        await client.SignInAsync(email, AccountTestData.Password);
        var account = await client.GetPageTextAsync("/account");
        Assert.Contains(organisation.Name, account);
        Assert.Contains("waiting for the secretariat's approval", account);
    }

    [Fact]
    public async Task A_short_password_is_refused_in_the_users_language()
    {
        var client = factory.CreateBrowser("es");
        var response = await client.PostFormAsync("/account/register", new
        {
            FullName = "Lucía Pérez",
            Email = AccountTestData.NewEmail("lucia"),
            Password = "short",
            ConfirmPassword = "short",
            PreferredLanguage = "es",
            NewOrganisation = "true",
            OrganisationName = $"Fundación Ciudad {Guid.NewGuid():N}",
            OrganisationLanguage = "es",
            OrganisationCategory = "Foundation",
        });

        var html = await response.PageTextAsync();
        Assert.Contains("La contraseña debe tener al menos 12 caracteres.", html);
        Assert.DoesNotContain("Passwords must be at least", html);
    }

    [Fact]
    public async Task An_address_with_an_apostrophe_can_register()
    {
        var email = $"o'brien-{Guid.NewGuid():N}@example.org";
        var response = await factory.CreateBrowser("en").PostFormAsync("/account/register", new
        {
            FullName = "Siobhán O'Brien",
            Email = email,
            Password = AccountTestData.Password,
            ConfirmPassword = AccountTestData.Password,
            PreferredLanguage = "en",
            NewOrganisation = "true",
            OrganisationName = $"Cities Alliance {Guid.NewGuid():N}",
            OrganisationLanguage = "en",
            OrganisationCategory = "Other",
        });

        Assert.Contains("Check your inbox", await response.PageTextAsync());
        Assert.Equal(1, await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task The_confirmation_can_be_sent_again()
    {
        var client = factory.CreateBrowser("en");
        var email = AccountTestData.NewEmail("again");
        await factory.InScopeAsync(async sp =>
        {
            var user = new User { UserName = email, Email = email, FullName = "Again", CreatedAt = DateTime.UtcNow };
            await sp.GetRequiredService<UserManager<User>>().CreateAsync(user, AccountTestData.Password);
        });

        var response = await client.PostFormAsync("/account/resend-confirmation", new { Email = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = await factory.WaitForMessageAsync(email);
        var confirmed = await client.GetAsync(message.LinkTo("/account/confirm-email"));
        Assert.Contains("your email address is confirmed", await confirmed.PageTextAsync());
        await client.SignInAsync(email, AccountTestData.Password);
    }

    [Fact]
    public async Task A_tampered_confirmation_link_does_not_confirm()
    {
        var email = AccountTestData.NewEmail("tamper");
        var user = await factory.InScopeAsync(async sp =>
        {
            var user = new User { UserName = email, Email = email, FullName = "Tamper", CreatedAt = DateTime.UtcNow };
            await sp.GetRequiredService<UserManager<User>>().CreateAsync(user, AccountTestData.Password);
            return user;
        });

        var response = await factory.CreateBrowser("en").GetAsync($"/account/confirm-email?userId={user.Id}&code=bm90LWEtdG9rZW4");
        Assert.Contains("This link is not valid or has expired", await response.PageTextAsync());
        var confirmed = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Users.Where(u => u.Id == user.Id).Select(u => u.EmailConfirmed).SingleAsync());
        Assert.False(confirmed);
    }
}
