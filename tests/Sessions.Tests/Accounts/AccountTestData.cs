using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Accounts;

/// <summary>Records the account tests start from.</summary>
public static class AccountTestData
{
    public const string Password = "a-long-enough-password";

    /// <summary>The page as a reader sees it: Razor encodes accented letters and apostrophes.</summary>
    public static async Task<string> PageTextAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> GetPageTextAsync(this HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    public static Task<Organisation> CreateOrganisationAsync(this SessionsAppFactory factory, string name, string language = "en") =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var organisation = new Organisation(name, language, OrganisationCategory.NonGovernmentalOrganisation) { CreatedAt = DateTime.UtcNow, CountryCode = "KE" };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation;
        });

    public static Task<FocalPoint> CreateClaimAsync(this SessionsAppFactory factory, int organisationId, string userId) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var claim = new FocalPoint(organisationId, userId, FocalPointStatus.Pending, DateTime.UtcNow);
            db.FocalPoints.Add(claim);
            await db.SaveChangesAsync();
            return claim;
        });
}
