using System.Net;
using System.Text.RegularExpressions;
using Sessions.Core.Accounts;
using Sessions.Core.Accreditation;
using Sessions.Core.Organisations;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Organisations;

public sealed partial class OrganisationListTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [GeneratedRegex("""<td><a href="/organisations/(\d+)">([^<]*)</a></td>""")]
    private static partial Regex ListedOrganisation();

    private async Task<HttpClient> SecretariatAsync(string? language = null)
    {
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private static async Task<List<(int Id, string Name)>> ListAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return ListedOrganisation().Matches(html).Select(m => (int.Parse(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
    }

    [Fact]
    public async Task Search_finds_names_in_any_language_acronyms_and_websites()
    {
        var token = OrganisationSeeding.UniqueToken();
        var byRussianName = await factory.AddOrganisationAsync($"Housing Forum {token}", names: new Dictionary<string, string> { ["ru"] = $"Жилищный Форум Ёлка{token}" });
        var byAcronym = await factory.AddOrganisationAsync($"Acronym Holder {token}", acronym: $"AH-{token}");
        var byWebsite = await factory.AddOrganisationAsync($"Web Holder {token}", website: $"https://www.site{token}.org/");
        var unrelated = await factory.AddOrganisationAsync($"Unrelated {token}0");
        var client = await SecretariatAsync();

        Assert.Equal([byRussianName], (await ListAsync(client, $"/organisations?q=ЖИЛИЩНЫЙ+форум+елка{token}")).Select(o => o.Id));
        Assert.Equal([byAcronym], (await ListAsync(client, $"/organisations?q=ah{token}")).Select(o => o.Id));
        Assert.Equal([byWebsite], (await ListAsync(client, $"/organisations?q=site{token}.org")).Select(o => o.Id));
        Assert.DoesNotContain(unrelated, (await ListAsync(client, $"/organisations?q=housing+forum+{token}")).Select(o => o.Id));
    }

    [Fact]
    public async Task Filters_by_category_country_and_accreditation_or_none()
    {
        var token = OrganisationSeeding.UniqueToken();
        var ngoInFrance = await factory.AddOrganisationAsync($"Filter A {token}", country: "FR", accreditation: AccreditationBasis.EcosocSpecial);
        var companyInGermany = await factory.AddOrganisationAsync($"Filter B {token}", category: OrganisationCategory.PrivateSector, country: "DE");
        var ngoInGermany = await factory.AddOrganisationAsync($"Filter C {token}", country: "DE", accreditation: AccreditationBasis.HabitatIII);
        var client = await SecretariatAsync();

        Assert.Equal([ngoInGermany], (await ListAsync(client, $"/organisations?q={token}&category=NonGovernmentalOrganisation&country=DE")).Select(o => o.Id));
        Assert.Equal([companyInGermany], (await ListAsync(client, $"/organisations?q={token}&accreditation=none")).Select(o => o.Id));
        Assert.Equal([ngoInFrance], (await ListAsync(client, $"/organisations?q={token}&accreditation=EcosocSpecial")).Select(o => o.Id));
        Assert.Equal([ngoInFrance, companyInGermany, ngoInGermany], (await ListAsync(client, $"/organisations?q={token}")).Select(o => o.Id));
    }

    [Fact]
    public async Task The_list_shows_fifty_per_page_in_the_order_of_the_names_with_page_links()
    {
        var token = OrganisationSeeding.UniqueToken();
        await factory.AddOrganisationsAsync(Enumerable.Range(0, 120).Reverse()
            .Select(i => new Organisation($"Paged {token} {i:000}", "en", OrganisationCategory.Other)));
        var client = await SecretariatAsync();

        var first = await ListAsync(client, $"/organisations?q=paged+{token}");
        Assert.Equal(50, first.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"Paged {token} {i:000}"), first.Select(o => o.Name));

        var html = await client.GetStringAsync($"/organisations?q=paged+{token}");
        Assert.Contains("Page 1 of 3", html);
        Assert.Matches($"href=\"/organisations\\?q=paged%20{token}&amp;page=3\"", html);

        var last = await ListAsync(client, $"/organisations?q=paged+{token}&page=3");
        Assert.Equal(20, last.Count);
        Assert.Equal($"Paged {token} 100", last[0].Name);
    }

    [Fact]
    public async Task Names_are_shown_and_sorted_in_the_readers_language_with_the_original_name_where_no_translation_exists()
    {
        var token = OrganisationSeeding.UniqueToken();
        var translated = await factory.AddOrganisationAsync($"Zebra Trust {token}", names: new Dictionary<string, string> { ["fr"] = $"Abeille Fondation {token}" });
        var untranslated = await factory.AddOrganisationAsync($"Mango Society {token}");

        var english = await ListAsync(await SecretariatAsync("en"), $"/organisations?q={token}");
        Assert.Equal([(untranslated, $"Mango Society {token}"), (translated, $"Zebra Trust {token}")], english);

        var french = await ListAsync(await SecretariatAsync("fr"), $"/organisations?q={token}");
        Assert.Equal([(translated, $"Abeille Fondation {token}"), (untranslated, $"Mango Society {token}")], french);
    }
}
