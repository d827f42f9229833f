using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;

namespace Sessions.Tests.Infrastructure;

/// <summary>Puts organisations straight into the database, with sensible defaults, for tests that read or find them.</summary>
public static class OrganisationSeeding
{
    public static async Task<int> AddOrganisationAsync(
        this SessionsAppFactory factory,
        string name,
        string language = "en",
        OrganisationCategory category = OrganisationCategory.NonGovernmentalOrganisation,
        string? acronym = null,
        string? country = null,
        string? website = null,
        string? email = null,
        IReadOnlyDictionary<string, string>? names = null,
        AccreditationBasis? accreditation = null,
        AccreditationStatus accreditationStatus = AccreditationStatus.Granted)
    {
        var organisation = new Organisation(name, language, category)
        {
            Acronym = acronym,
            CountryCode = country,
            Website = website,
            ContactEmail = email,
            CreatedAt = DateTime.UtcNow,
        };
        foreach (var (l, n) in names ?? new Dictionary<string, string>())
        {
            organisation.SetTranslatedName(l, n);
        }

        return await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            if (accreditation is { } basis)
            {
                db.Accreditations.Add(new Accreditation(organisation.Id, basis, accreditationStatus, null, DateTime.UtcNow));
                await db.SaveChangesAsync();
            }

            return organisation.Id;
        });
    }

    public static async Task AddOrganisationsAsync(this SessionsAppFactory factory, IEnumerable<Organisation> organisations) =>
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.Organisations.AddRange(organisations);
            await db.SaveChangesAsync();
        });

    /// <summary>A number no other test of the run uses, to put in names so each test finds only its own organisations.</summary>
    public static string UniqueToken() => Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
