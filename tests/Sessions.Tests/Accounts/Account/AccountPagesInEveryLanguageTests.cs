using System.Net;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Accounts.Account;

public sealed class AccountPagesInEveryLanguageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    public static readonly TheoryData<string> AllLanguages = new(Languages.All);

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task Every_account_administration_and_audit_page_renders_in_the_language(string language)
    {
        var anonymous = factory.CreateBrowser(language);
        foreach (var url in new[] { "/account/sign-in", "/account/register", "/account/register?search=a", "/account/forgot-password", "/account/resend-confirmation", "/account/reset-password?userId=x&code=y" })
        {
            await AssertRendersAsync(anonymous, url, language);
        }

        var secretariat = factory.CreateBrowser(language);
        var me = await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var organisation = await factory.CreateOrganisationAsync($"Pending Claim {Guid.NewGuid():N}");
        var claimant = await factory.CreateUserAsync(AccountTestData.NewEmail("claim"), AccountTestData.Password, null, language);
        await factory.CreateClaimAsync(organisation.Id, claimant.Id);
        foreach (var url in new[] { "/account", "/account/change-password", "/admin/users", "/admin/users/new", $"/admin/users/{me.Id}", $"/admin/users/{claimant.Id}", "/admin/focal-points", "/audit" })
        {
            await AssertRendersAsync(secretariat, url, language);
        }
    }

    private static async Task AssertRendersAsync(HttpClient client, string url, string language)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} in {language}: {(int)response.StatusCode}");
        Assert.Contains($"<html lang=\"{language}\"", await response.Content.ReadAsStringAsync());
    }
}
