using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E;

/// <summary>The confirmation step of a destructive action, in a browser without JavaScript, by keyboard.</summary>
public sealed class ConfirmationInTheBrowserTests
{
    private const string Password = "a-long-focal-point-password";

    [ChromiumFact]
    public async Task Withdrawing_a_delegation_names_how_many_participants_will_be_emailed_and_withdraws_only_once_confirmed()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        var token = OrganisationSeeding.UniqueToken();
        var sessionId = await app.Factory.AddSessionAsync(await app.Factory.AddBodyAsync(BodyKind.Assembly), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60));
        var email = $"focal-point-{token}@test.sessions";
        var user = await app.Factory.CreateUserAsync(email, Password, Roles.FocalPoint);
        var organisationId = await app.Factory.AddOrganisationAsync($"Habitat Coalition {token}", category: OrganisationCategory.NonGovernmentalOrganisation, country: "KE");
        await app.Factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.FocalPoints.Add(new FocalPoint(organisationId, user.Id, FocalPointStatus.Approved, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        var delegation = await app.Factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Submitted,
            [DelegationBuilders.Nominee("Amina", "Otieno"), DelegationBuilders.Nominee("Pierre", "Lefèvre"), DelegationBuilders.Nominee("Wei", "Zhang")]);

        // No JavaScript: the confirmation is a page of its own, not a dialog.
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "en-GB", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await app.SignInAsync(page, email, Password);
        await page.GotoAsync($"/delegations/{delegation.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw the delegation" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Withdraw the delegation of Habitat Coalition {token}");
        await Expect(page.Locator("main")).ToContainTextAsync("The 3 participants of this delegation will be told by email.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cancel, go back" })).ToHaveAttributeAsync("href", $"/delegations/{delegation.Id}");
        Assert.Equal(RegistrationStatus.Submitted, (await app.Factory.DelegationAsync(delegation.Id)).Status);

        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Withdraw the delegation" });
        await confirm.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex($"/delegations/{delegation.Id}$"));
        await Expect(page.Locator("main")).ToContainTextAsync("The delegation has been withdrawn. Its participants have been told by email.");
        Assert.Equal(RegistrationStatus.Withdrawn, (await app.Factory.DelegationAsync(delegation.Id)).Status);
    }
}
