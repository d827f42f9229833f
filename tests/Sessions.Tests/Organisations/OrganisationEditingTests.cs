using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Organisations;

public sealed partial class OrganisationEditingTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionField();

    private async Task<HttpClient> SecretariatAsync(string? language = null)
    {
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private Task<List<Organisation>> OrganisationsNamedAsync(string normalisedName) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Organisations.AsNoTracking()
            .Include(o => o.Names).Where(o => o.NormalisedName == normalisedName).ToListAsync());

    private static string Version(string html)
    {
        var match = VersionField().Match(html);
        Assert.True(match.Success, "The form carries the Version in a hidden field.");
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task Creating_saves_the_names_in_six_languages_and_the_accreditation()
    {
        var token = OrganisationSeeding.UniqueToken();
        var client = await SecretariatAsync();
        var response = await client.PostFormAsync("/organisations/new", new
        {
            Name = $"Programme des Nations Unies {token}",
            OriginalLanguage = "fr",
            NameEn = $"United Nations Programme {token}",
            NameZh = $"联合国方案{token}",
            NameAr = $"برنامج الأمم المتحدة {token}",
            NameFr = "ignored: the original language's name is the one above",
            Acronym = "UNP",
            Category = "UnSystemEntity",
            CountryCode = "KE",
            Website = "unp.example.org",
            ContactEmail = "info@unp.example.org",
            AccreditationBasis = "HabitatIII",
            AccreditationStatus = "Granted",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var organisation = Assert.Single(await OrganisationsNamedAsync(NameNormaliser.Normalise($"Programme des Nations Unies {token}")));
        Assert.Equal($"/organisations/{organisation.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("fr", organisation.OriginalLanguage);
        Assert.Equal(["ar", "en", "zh"], organisation.Names.Select(n => n.Language).Order());
        Assert.Equal($"联合国方案{token}", organisation.DisplayName("zh"));
        Assert.Equal((OrganisationCategory.UnSystemEntity, "KE", "unp.example.org"), (organisation.Category, organisation.CountryCode, organisation.Website));
        var accreditation = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Accreditations.SingleAsync(a => a.OrganisationId == organisation.Id));
        Assert.Equal((AccreditationBasis.HabitatIII, AccreditationStatus.Granted), (accreditation.Basis, accreditation.Status));
        Assert.NotNull(accreditation.GrantedOn);

        var details = WebUtility.HtmlDecode(await client.GetStringAsync($"/organisations/{organisation.Id}"));
        Assert.Contains($"برنامج الأمم المتحدة {token}", details);
        Assert.Contains("Accredited to Habitat III", details);
    }

    [Fact]
    public async Task Creating_an_organisation_with_the_name_of_an_existing_one_is_refused_even_when_forced()
    {
        var token = OrganisationSeeding.UniqueToken();
        var existing = await factory.AddOrganisationAsync($"Habitat International Coalition {token}");
        var client = await SecretariatAsync();

        var response = await client.PostFormAsync("/organisations/new", new
        {
            Name = $"HABITAT  international coalition {token}.",
            OriginalLanguage = "en",
            Category = "NonGovernmentalOrganisation",
            CreateAnyway = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("An organisation with this name already exists.", html);
        Assert.Contains($"href=\"/organisations/{existing}\"", html);
        Assert.DoesNotContain("name=\"CreateAnyway\"", html);
        Assert.Single(await OrganisationsNamedAsync(NameNormaliser.Normalise($"Habitat International Coalition {token}")));
    }

    [Fact]
    public async Task A_translated_name_that_another_organisation_has_is_refused_too()
    {
        var token = OrganisationSeeding.UniqueToken();
        var existing = await factory.AddOrganisationAsync($"Cities Alliance {token}", names: new Dictionary<string, string> { ["es"] = $"Alianza de Ciudades {token}" });
        var client = await SecretariatAsync("es");

        var response = await client.PostFormAsync("/organisations/new", new { Name = $"alianza de ciudades {token}", OriginalLanguage = "es", Category = "Other" });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Ya existe una organización con este nombre.", html);
        Assert.Contains($"href=\"/organisations/{existing}\"", html);
        Assert.Empty(await OrganisationsNamedAsync(NameNormaliser.Normalise($"alianza de ciudades {token}")));
    }

    [Fact]
    public async Task The_same_acronym_or_website_is_a_warning_that_create_anyway_overrides()
    {
        var token = OrganisationSeeding.UniqueToken();
        var existing = await factory.AddOrganisationAsync($"First Holder {token}", acronym: $"FH{token}", website: $"fh{token}.org");
        var client = await SecretariatAsync();
        var form = new { Name = $"Second Holder {token}", OriginalLanguage = "en", Category = "Other", Acronym = $"F.H.{token}", Website = $"https://www.FH{token}.org/" };

        var warned = await client.PostFormAsync("/organisations/new", form);
        var html = await warned.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("An organisation with the same acronym or website already exists:", html);
        Assert.Contains($"href=\"/organisations/{existing}\"", html);
        Assert.Contains("name=\"CreateAnyway\"", html);
        Assert.Empty(await OrganisationsNamedAsync(NameNormaliser.Normalise(form.Name)));

        var forced = await client.PostFormAsync("/organisations/new", new { form.Name, form.OriginalLanguage, form.Category, form.Acronym, form.Website, CreateAnyway = "true" });
        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        Assert.Single(await OrganisationsNamedAsync(NameNormaliser.Normalise(form.Name)));
    }

    [Fact]
    public async Task A_form_opened_before_someone_elses_save_is_refused_and_shows_the_current_version()
    {
        var token = OrganisationSeeding.UniqueToken();
        var id = await factory.AddOrganisationAsync($"Concurrent {token}", acronym: "OLD");
        var first = await SecretariatAsync();
        var second = await SecretariatAsync();
        var firstVersion = Version(await first.GetStringAsync($"/organisations/{id}/edit"));
        var secondVersion = Version(await second.GetStringAsync($"/organisations/{id}/edit"));
        Assert.Equal(firstVersion, secondVersion);

        var saved = await first.PostFormAsync($"/organisations/{id}/edit", new { Name = $"Concurrent {token}", OriginalLanguage = "en", Category = "Other", Acronym = "FIRST", Version = firstVersion }, $"/organisations/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var refused = await second.PostFormAsync($"/organisations/{id}/edit", new { Name = $"Concurrent {token}", OriginalLanguage = "en", Category = "Other", Acronym = "SECOND", Version = secondVersion }, $"/organisations/{id}/edit");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this record while you were editing it.", html);
        Assert.Contains("value=\"FIRST\"", html);
        Assert.NotEqual(secondVersion, Version(html));

        var stored = Assert.Single(await OrganisationsNamedAsync(NameNormaliser.Normalise($"Concurrent {token}")));
        Assert.Equal("FIRST", stored.Acronym);
    }

    [Fact]
    public async Task A_change_to_the_translated_names_alone_is_checked_against_the_version_too()
    {
        var token = OrganisationSeeding.UniqueToken();
        var id = await factory.AddOrganisationAsync($"Names Only {token}");
        var client = await SecretariatAsync();
        var version = Version(await client.GetStringAsync($"/organisations/{id}/edit"));

        var saved = await client.PostFormAsync($"/organisations/{id}/edit", new { Name = $"Names Only {token}", OriginalLanguage = "en", Category = "Other", NameRu = $"Только названия {token}", Version = version }, $"/organisations/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stale = await client.PostFormAsync($"/organisations/{id}/edit", new { Name = $"Names Only {token}", OriginalLanguage = "en", Category = "Other", NameRu = "", Version = version }, $"/organisations/{id}/edit");

        Assert.Contains("Someone else changed this record", await stale.Content.ReadAsStringAsync());
        var stored = Assert.Single(await OrganisationsNamedAsync(NameNormaliser.Normalise($"Names Only {token}")));
        Assert.Equal($"Только названия {token}", stored.DisplayName("ru"));
    }

    [Fact]
    public async Task The_details_page_lists_the_focal_points_with_their_status()
    {
        var token = OrganisationSeeding.UniqueToken();
        var id = await factory.AddOrganisationAsync($"With Focal Point {token}");
        var focalPoint = await factory.CreateUserAsync($"fp-{token}@test.sessions", "a-long-test-password", Roles.FocalPoint);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.FocalPoints.Add(new FocalPoint(id, focalPoint.Id, FocalPointStatus.Pending, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        var client = await SecretariatAsync();

        var html = await client.GetStringAsync($"/organisations/{id}");

        Assert.Contains($"fp-{token}@test.sessions", html);
        Assert.Contains("Pending", html);
    }
}
