using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E;

/// <summary>Forms that help (issue 17 item 4), in Chromium: every error at once, tied to its field, required marks, search as you type.</summary>
public sealed class FormsInTheBrowserTests
{
    private const string Password = "a-long-enough-password";

    [ChromiumFact]
    public async Task A_form_refused_by_the_server_shows_every_error_at_once_and_its_summary_links_focus_the_fields()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/account/register");

        await Expect(page.Locator("label[for=FullName] .required-mark")).ToBeVisibleAsync();
        await Expect(page.Locator("main form[method=post] .required-legend")).ToHaveTextAsync("Fields marked * are required.");
        await Expect(page.Locator("label[for=OrganisationAcronym] .required-mark")).ToHaveCountAsync(0);

        // Rules only the server knows: a new organisation needs a name and a category.
        await page.FillAsync("#FullName", "Grace Mwangi");
        await page.FillAsync("#Email", "grace@example.org");
        await page.FillAsync("#Password", Password);
        await page.FillAsync("#ConfirmPassword", Password);
        await page.CheckAsync("#organisation-new");
        await page.ClickAsync("main form[method=post] button[type=submit]");

        var summary = page.Locator("[data-error-summary]");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToHaveAttributeAsync("role", "alert");
        await Expect(summary.Locator("li")).ToHaveCountAsync(2);
        await Expect(summary.Locator("a").Nth(0)).ToHaveTextAsync("Enter the name of your organisation.");
        await Expect(summary.Locator("a").Nth(1)).ToHaveTextAsync("Choose the category of the organisation.");
        await Expect(page.Locator("#FullName")).ToHaveValueAsync("Grace Mwangi");
        await Expect(page.Locator("#Email")).ToHaveValueAsync("grace@example.org");

        var name = page.Locator("#OrganisationName");
        var category = page.Locator("#OrganisationCategory");
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(name).ToHaveAttributeAsync("aria-describedby", "OrganisationName-error");
        await Expect(page.Locator("#OrganisationName-error")).ToHaveTextAsync("Enter the name of your organisation.");
        await Expect(category).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(category).ToHaveAttributeAsync("aria-describedby", "OrganisationCategory-error");
        await Expect(page.Locator("#OrganisationCategory-error")).ToHaveTextAsync("Choose the category of the organisation.");
        await Expect(page.Locator("#FullName")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        await summary.Locator("a[href='#OrganisationCategory']").ClickAsync();
        await Expect(category).ToBeFocusedAsync();
        await summary.Locator("a[href='#OrganisationName']").ClickAsync();
        await Expect(name).ToBeFocusedAsync();
    }

    [ChromiumFact]
    public async Task Rules_the_browser_can_check_show_every_servers_message_at_once_before_sending_and_clear_once_corrected()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        await using var context = await app.NewContextAsync("fr-FR");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var requests = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                requests++;
            }
        };
        await page.GotoAsync("/account/register");

        await page.FillAsync("#Email", "pas-une-adresse");
        await page.Locator("#Email").BlurAsync();
        await Expect(page.Locator("#Email-error")).ToHaveTextAsync("Saisissez une adresse électronique valide.");
        await Expect(page.Locator("#Email")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.ClickAsync("main form[method=post] button[type=submit]");

        var summary = page.Locator("[data-error-summary]");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.Locator("li")).ToHaveCountAsync(4);
        await Expect(summary.Locator("a").First).ToHaveAttributeAsync("href", "#FullName");
        await Expect(page.Locator("#FullName-error")).ToHaveTextAsync("Saisissez vos nom et prénom.");
        await Expect(page.Locator("#Password")).ToHaveAttributeAsync("aria-describedby", "password-hint Password-error");
        Assert.Equal(0, requests);

        await page.FillAsync("#Email", "grace@example.org");
        await page.Locator("#Email").BlurAsync();
        await Expect(page.Locator("#Email-error")).ToHaveTextAsync("");
        await Expect(page.Locator("#Email")).Not.ToHaveAttributeAsync("aria-invalid", "true");
    }

    [ChromiumFact]
    public async Task The_organisation_is_found_as_one_types_chosen_with_the_keyboard_and_the_rest_of_the_form_is_kept()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        var token = OrganisationSeeding.UniqueToken();
        await app.Factory.AddOrganisationAsync($"Riverside {token} Cooperative", acronym: "RCO");
        var wanted = await app.Factory.AddOrganisationAsync($"Riverside {token} Housing Trust", acronym: "RHT", country: "KE");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/account/register");
        await Expect(page.Locator("#organisation-search")).ToBeHiddenAsync();

        var email = $"grace-{token}@example.org";
        await page.FillAsync("#FullName", "Grace Mwangi");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.FillAsync("#ConfirmPassword", Password);

        var combobox = page.Locator("#OrganisationId");
        await combobox.PressSequentiallyAsync($"riverside {token}");
        var listbox = page.Locator("#OrganisationId-listbox");
        await Expect(listbox).ToBeVisibleAsync();
        await Expect(combobox).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(listbox.Locator("[role=option]")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-combobox] [role=status]")).ToHaveTextAsync("2 results");

        await combobox.PressAsync("ArrowDown");
        await combobox.PressAsync("ArrowDown");
        await Expect(combobox).ToHaveAttributeAsync("aria-activedescendant", "OrganisationId-option-1");
        await Expect(listbox.Locator("[aria-selected=true]")).ToContainTextAsync($"Riverside {token} Housing Trust (RHT)");
        await combobox.PressAsync("Enter");

        await Expect(listbox).ToBeHiddenAsync();
        await Expect(combobox).ToHaveValueAsync($"Riverside {token} Housing Trust (RHT)");
        await Expect(page.Locator("#OrganisationId-select")).ToHaveValueAsync(wanted.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("#organisation-existing")).ToBeCheckedAsync();
        await Expect(page.Locator("#FullName")).ToHaveValueAsync("Grace Mwangi");
        await Expect(page.Locator("#Email")).ToHaveValueAsync(email);

        await page.ClickAsync("main form[method=post] button[type=submit]");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Check your inbox");

        var requested = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().FocalPoints
            .Where(f => f.OrganisationId == wanted && f.Status == FocalPointStatus.Pending)
            .Select(f => f.UserId)
            .ToListAsync());
        Assert.Single(requested);
    }
}
