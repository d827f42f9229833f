using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Platform;

/// <summary>What every form does alike, through the real host: errors at once, tied to their fields, required marks, constraints.</summary>
public sealed partial class FormHelpTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [GeneratedRegex("<input [^>]*\\sid=\"(?<id>[^\"]+)\"[^>]*>")]
    private static partial Regex Inputs();

    [Fact]
    public async Task A_refused_form_lists_every_error_in_a_summary_linking_each_field_and_ties_each_message_to_its_field()
    {
        var client = factory.CreateBrowser("en");

        var response = await client.PostFormAsync("/account/register", new
        {
            FullName = "",
            Email = "not-an-address",
            Password = AccountTestData.Password,
            ConfirmPassword = "another password",
            PreferredLanguage = "en",
            NewOrganisation = "false",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var summary = html[html.IndexOf("data-error-summary", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("</div>", StringComparison.Ordinal)];
        Assert.Contains("role=\"alert\"", html[(html.IndexOf("data-error-summary", StringComparison.Ordinal) - 120)..html.IndexOf("data-error-summary", StringComparison.Ordinal)]);
        Assert.Contains("There are 4 problems with this form", summary);
        foreach (var (field, message) in new[]
        {
            ("FullName", "Enter your full name."),
            ("Email", "Enter a valid email address."),
            ("ConfirmPassword", "The two passwords are not the same."),
            ("OrganisationId", "Choose your organisation in the list, or create a new one."),
        })
        {
            Assert.Contains($"<a href=\"#{field}\" data-field=\"{field}\">{WebUtility.HtmlEncode(message)}</a>", summary);
            Assert.Matches($"<span [^>]*\\sid=\"{field}-error\"[^>]*>{Regex.Escape(WebUtility.HtmlEncode(message))}</span>", html);
        }

        var fullName = Field(html, "FullName");
        Assert.Contains("aria-invalid=\"true\"", fullName);
        Assert.Contains("aria-describedby=\"FullName-error\"", fullName);
        Assert.Contains("aria-describedby=\"organisation-hint OrganisationId-error\"", Select(html, "OrganisationId"));
        var preferredLanguage = Select(html, "PreferredLanguage");
        Assert.DoesNotContain("aria-invalid", preferredLanguage);
        Assert.Contains("aria-describedby=\"language-hint\"", preferredLanguage);
    }

    [Fact]
    public async Task Fields_carry_the_servers_rules_as_browser_constraints_and_required_labels_are_marked_in_the_readers_language()
    {
        var client = factory.CreateBrowser("fr");

        var html = await client.GetStringAsync("/account/register");

        var fullName = Field(html, "FullName");
        Assert.Contains(" required", fullName);
        Assert.Contains("maxlength=\"200\"", fullName);
        Assert.Contains("data-val-required=\"", fullName);
        Assert.DoesNotContain("aria-invalid", fullName);
        Assert.Contains("type=\"email\"", Field(html, "Email"));
        Assert.Contains(" required", Field(html, "Email"));
        Assert.DoesNotContain(" required", Field(html, "OrganisationAcronym"));
        Assert.Matches("<label [^>]*for=\"FullName\">[^<]+<span class=\"required-mark\" aria-hidden=\"true\">\\*</span><span class=\"visually-hidden\"> \\(obligatoire\\)</span></label>", html);
        Assert.DoesNotMatch("<label [^>]*for=\"OrganisationAcronym\">[^<]+<span class=\"required-mark\"", html);
        Assert.Contains("<p class=\"required-legend\">Les champs marqués d’un * sont obligatoires.</p>", html);
        Assert.Single(Regex.Matches(html, "class=\"required-legend\""));
        Assert.Matches("<div class=\"alert alert-danger error-summary\" role=\"alert\" tabindex=\"-1\" data-error-summary data-headings=\"[^\"]+\" hidden=\"hidden\">", html);
    }

    [Fact]
    public async Task A_field_checked_by_a_pattern_or_a_range_carries_it_for_the_browser()
    {
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Sessions.Core.Accounts.Roles.Secretariat);

        var html = await client.GetStringAsync("/bodies/new");

        var quota = Field(html, "ObserverQuota");
        Assert.Contains("type=\"number\"", quota);
        Assert.Contains("min=\"0\"", quota);
        Assert.Contains("max=\"100\"", quota);
    }

    [Fact]
    public async Task The_organisation_search_matches_the_name_in_the_readers_language_the_original_and_the_acronym_and_answers_at_most_twenty()
    {
        var token = OrganisationSeeding.UniqueToken();
        await factory.AddOrganisationAsync($"Habitat Alliance {token}", acronym: $"HA{token}", country: "KE",
            names: new Dictionary<string, string> { ["fr"] = $"Alliance pour l’habitat {token}" });
        for (var i = 0; i < 22; i++)
        {
            await factory.AddOrganisationAsync($"Crowded {token} number {i:00}");
        }

        var client = factory.CreateBrowser("fr");
        var byTranslation = await client.GetFromJsonAsync<Choice[]>($"/account/register/organisations?q={Uri.EscapeDataString($"Alliance pour l’habitat {token}")}");
        var byOriginal = await client.GetFromJsonAsync<Choice[]>($"/account/register/organisations?q={Uri.EscapeDataString($"habitat alliance {token}")}");
        var byAcronym = await client.GetFromJsonAsync<Choice[]>($"/account/register/organisations?q=ha{token}");
        var crowded = await client.GetFromJsonAsync<Choice[]>($"/account/register/organisations?q={Uri.EscapeDataString($"crowded {token}")}");
        var nothingTyped = await client.GetFromJsonAsync<Choice[]>("/account/register/organisations?q=");

        var found = Assert.Single(byTranslation!);
        Assert.Equal(($"Alliance pour l’habitat {token}", $"Habitat Alliance {token}", $"HA{token}", Sessions.Core.Organisations.Countries.Name("KE", "fr")), (found.Name, found.Original, found.Acronym, found.Country));
        Assert.Equal(found.Id, Assert.Single(byOriginal!).Id);
        Assert.Equal(found.Id, Assert.Single(byAcronym!).Id);
        Assert.Equal(20, crowded!.Length);
        Assert.Empty(nothingTyped!);
    }

    [Fact]
    public async Task The_organisation_search_leaves_out_an_organisation_created_by_a_registration_not_yet_confirmed()
    {
        var token = OrganisationSeeding.UniqueToken();
        var client = factory.CreateBrowser("en");
        var registered = await client.PostFormAsync("/account/register", new
        {
            FullName = "Lena Park",
            Email = AccountTestData.NewEmail("lena"),
            Password = AccountTestData.Password,
            ConfirmPassword = AccountTestData.Password,
            PreferredLanguage = "en",
            NewOrganisation = "true",
            OrganisationName = $"Unconfirmed Network {token}",
            OrganisationLanguage = "en",
            OrganisationCategory = "NonGovernmentalOrganisation",
        });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        await factory.AddOrganisationAsync($"Confirmed Network {token}");

        var found = await client.GetFromJsonAsync<Choice[]>($"/account/register/organisations?q=network%20{token}");

        Assert.Equal([$"Confirmed Network {token}"], found!.Select(c => c.Name));
    }

    [Fact]
    public async Task The_member_State_picker_offers_only_member_States_and_only_to_the_secretariat()
    {
        var token = OrganisationSeeding.UniqueToken();
        var state = await factory.AddOrganisationAsync($"Republic of Testland {token}", Sessions.Core.Organisations.OrganisationCategory.MemberState);
        await factory.AddOrganisationAsync($"Testland Civil Society {token}");
        var secretariat = factory.CreateBrowser("en");
        await secretariat.SignInAsAsync(factory, Sessions.Core.Accounts.Roles.Secretariat);
        var focalPoint = factory.CreateBrowser("en");
        await focalPoint.SignInAsAsync(factory, Sessions.Core.Accounts.Roles.FocalPoint);

        var found = await secretariat.GetFromJsonAsync<Choice[]>($"/bodies/member-states?q=testland");
        var refused = await focalPoint.GetAsync("/bodies/member-states?q=testland");

        Assert.Equal([state], found!.Where(c => c.Name.Contains(token, StringComparison.Ordinal)).Select(c => c.Id));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    private static string Field(string html, string id) =>
        Inputs().Matches(html).First(m => m.Groups["id"].Value == id).Value;

    private static string Select(string html, string id) =>
        Regex.Match(html, $"<select [^>]*\\sid=\"{id}\"[^>]*>").Value;

    private sealed record Choice(int Id, string Name, string? Original, string? Acronym, string? Country);
}
