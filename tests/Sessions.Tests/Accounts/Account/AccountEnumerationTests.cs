using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Accounts.Account;

/// <summary>Nothing an anonymous visitor sees tells whether an address has an account.</summary>
public sealed partial class AccountEnumerationTests(AccountEnumerationTests.CountingHasherAppFactory factory) : IClassFixture<AccountEnumerationTests.CountingHasherAppFactory>
{
    private const string NotCorrect = "The email address or password is not correct.";

    private static readonly string[] _accountStates =
    [
        "Confirm your email address first",
        "This account has been deactivated",
    ];

    [GeneratedRegex("<main[^>]*>(.*)</main>", RegexOptions.Singleline)]
    private static partial Regex MainContent();

    [Fact]
    public async Task Signing_in_with_an_unknown_address_spends_a_password_hash_as_a_known_one_does()
    {
        var known = AccountTestData.NewEmail("known");
        await factory.CreateUserAsync(known, AccountTestData.Password, Roles.FocalPoint);
        var typedForKnown = "wrong-" + Guid.NewGuid().ToString("N");
        var typedForUnknown = "wrong-" + Guid.NewGuid().ToString("N");
        var client = factory.CreateBrowser("en");

        var knownAnswer = await client.PostFormAsync("/account/sign-in", new { Email = known, Password = typedForKnown });
        var unknownAnswer = await client.PostFormAsync("/account/sign-in", new { Email = AccountTestData.NewEmail("unknown"), Password = typedForUnknown });

        Assert.Contains(NotCorrect, await knownAnswer.PageTextAsync());
        Assert.Contains(NotCorrect, await unknownAnswer.PageTextAsync());
        Assert.Equal(1, factory.Verified(typedForKnown));
        Assert.Equal(1, factory.Verified(typedForUnknown));
    }

    [Fact]
    public async Task A_wrong_password_gets_the_same_answer_whatever_state_the_account_is_in()
    {
        var unconfirmed = await CreateUnconfirmedAsync();
        var deactivated = await CreateDeactivatedAsync();
        var client = factory.CreateBrowser("en");

        foreach (var email in new[] { unconfirmed, deactivated, AccountTestData.NewEmail("nobody") })
        {
            var answer = await (await client.PostFormAsync("/account/sign-in", new { Email = email, Password = "not-the-password-at-all" })).PageTextAsync();
            Assert.Contains(NotCorrect, answer);
            Assert.All(_accountStates, state => Assert.DoesNotContain(state, answer));
        }
    }

    [Fact]
    public async Task The_state_of_the_account_is_told_only_after_the_correct_password()
    {
        var client = factory.CreateBrowser("fr");

        var unconfirmed = await client.PostFormAsync("/account/sign-in", new { Email = await CreateUnconfirmedAsync(), Password = AccountTestData.Password });
        Assert.Contains("Confirmez d’abord votre adresse", await unconfirmed.PageTextAsync());

        var deactivated = await client.PostFormAsync("/account/sign-in", new { Email = await CreateDeactivatedAsync(), Password = AccountTestData.Password });
        Assert.Contains("Ce compte a été désactivé", await deactivated.PageTextAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_locked_account_answers_as_a_wrong_password_does_even_to_the_right_one_and_spends_a_hash()
    {
        var email = AccountTestData.NewEmail("locked");
        await factory.CreateUserAsync(email, AccountTestData.Password, Roles.FocalPoint);
        var client = factory.CreateBrowser("en");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await client.PostFormAsync("/account/sign-in", new { Email = email, Password = "wrong-password-" + attempt });
            var answer = await failed.PageTextAsync();
            Assert.Contains(NotCorrect, answer);
            Assert.All(_accountStates, state => Assert.DoesNotContain(state, answer));
        }

        var typed = "wrong-" + Guid.NewGuid().ToString("N");
        var whileLocked = await client.PostFormAsync("/account/sign-in", new { Email = email, Password = typed });
        Assert.Contains(NotCorrect, await whileLocked.PageTextAsync());
        Assert.Equal(1, factory.Verified(typed));

        // The right password must not be told apart from a wrong one while locked: that would let guessing go on through the lockout.
        var right = await client.PostFormAsync("/account/sign-in", new { Email = email, Password = AccountTestData.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(NotCorrect, await right.PageTextAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_as_for_a_new_one_and_tells_the_owner_by_email()
    {
        var taken = AccountTestData.NewEmail("taken");
        await factory.CreateUserAsync(taken, AccountTestData.Password, Roles.FocalPoint, "ru");
        var fresh = AccountTestData.NewEmail("fresh");
        var organisationName = $"Kept Organisation Name {Guid.NewGuid():N}";

        var takenAnswer = await RegisterAsync(taken, organisationName);
        var freshAnswer = await RegisterAsync(fresh, $"Another Organisation {Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.OK, takenAnswer.StatusCode);
        var takenPage = MainContent().Match(await takenAnswer.PageTextAsync()).Groups[1].Value;
        var freshPage = MainContent().Match(await freshAnswer.PageTextAsync()).Groups[1].Value;
        Assert.Contains("Check your inbox", takenPage);
        Assert.Equal(freshPage.Replace(fresh, "ADDRESS", StringComparison.Ordinal), takenPage.Replace(taken, "ADDRESS", StringComparison.Ordinal));

        var (accounts, organisations) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            return (await db.Users.CountAsync(u => u.Email == taken), await db.Organisations.CountAsync(o => o.Name == organisationName));
        });
        Assert.Equal((1, 0), (accounts, organisations));

        var notice = await factory.WaitForMessageAsync(taken);
        Assert.Equal("Попытка зарегистрироваться с вашим адресом", notice.Subject);
        Assert.Contains("/account/forgot-password", notice.TextBody);
        Assert.DoesNotContain("another-secret-password", notice.TextBody);
        await factory.CreateBrowser("en").SignInAsync(taken, AccountTestData.Password);
    }

    [Fact]
    public async Task The_organisation_a_registration_names_stays_out_of_the_public_search_until_its_address_is_confirmed()
    {
        var taken = AccountTestData.NewEmail("taken");
        await factory.CreateUserAsync(taken, AccountTestData.Password, Roles.FocalPoint);
        var fresh = AccountTestData.NewEmail("fresh");
        var token = Guid.NewGuid().ToString("N");

        await RegisterAsync(taken, $"Probe Taken {token}");
        await RegisterAsync(fresh, $"Probe Fresh {token}");

        // Whether the new organisation shows up must not tell whether its address already had an account.
        var anonymous = factory.CreateBrowser("en");
        Assert.DoesNotContain($"Probe Fresh {token}", await anonymous.GetStringAsync($"/account/register?search={token}"));
        var again = await RegisterAsync(AccountTestData.NewEmail("again"), $"Probe Fresh {token}");
        Assert.DoesNotContain("An organisation with this name already exists", await again.PageTextAsync());

        await anonymous.GetAsync((await factory.WaitForMessageAsync(fresh)).LinkTo("/account/confirm-email"));
        Assert.Contains($"Probe Fresh {token}", await anonymous.GetStringAsync($"/account/register?search={token}"));
    }

    private Task<HttpResponseMessage> RegisterAsync(string email, string organisationName) =>
        factory.CreateBrowser("en").PostFormAsync("/account/register", new
        {
            FullName = "Someone Else",
            Email = email,
            Password = "another-secret-password",
            ConfirmPassword = "another-secret-password",
            PreferredLanguage = "es",
            NewOrganisation = "true",
            OrganisationName = organisationName,
            OrganisationLanguage = "en",
            OrganisationCategory = "Foundation",
        });

    private Task<string> CreateUnconfirmedAsync() =>
        factory.InScopeAsync(async sp =>
        {
            var email = AccountTestData.NewEmail("unconfirmed");
            var user = new User { UserName = email, Email = email, FullName = "Unconfirmed", CreatedAt = DateTime.UtcNow };
            Assert.True((await sp.GetRequiredService<UserManager<User>>().CreateAsync(user, AccountTestData.Password)).Succeeded);
            return email;
        });

    private async Task<string> CreateDeactivatedAsync()
    {
        var email = AccountTestData.NewEmail("deactivated");
        var user = await factory.CreateUserAsync(email, AccountTestData.Password, Roles.FocalPoint);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
        });
        return email;
    }

    /// <summary>The real host with a password hasher that records every password it verifies.</summary>
    public sealed class CountingHasherAppFactory : SessionsAppFactory
    {
        private readonly ConcurrentQueue<string> _verified = new();

        /// <summary>How many times <paramref name="password"/> was checked against a hash.</summary>
        public int Verified(string password) => _verified.Count(p => p == password);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<User>>(_ => new CountingPasswordHasher(_verified)));
        }
    }

    private sealed class CountingPasswordHasher(ConcurrentQueue<string> verified) : IPasswordHasher<User>
    {
        private readonly PasswordHasher<User> _hasher = new();

        public string HashPassword(User user, string password) => _hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            verified.Enqueue(providedPassword);
            return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
