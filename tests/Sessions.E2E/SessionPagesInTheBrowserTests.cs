using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sessions.Core.Bodies;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E;

public sealed class SessionPagesInTheBrowserTests
{
    [ChromiumFact]
    public async Task Secretariat_builds_a_session_that_the_public_reads_in_arabic()
    {
        await using var app = await BrowserApp.StartAsync();
        var prefix = BodyAndSessionBuilders.UniquePrefix();
        var bodyId = await app.Factory.AddBodyAsync(BodyKind.Assembly, prefix, "United Nations Habitat Assembly");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        SetDefaultExpectTimeout(15_000);

        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", SessionsAppFactory.AdminEmail);
        await page.FillAsync("#Password", SessionsAppFactory.AdminPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await Expect(page.Locator("nav")).ToContainTextAsync(SessionsAppFactory.AdminEmail);

        await page.GotoAsync($"/sessions/manage/new?bodyId={bodyId}");
        await Expect(page.Locator("#Symbol")).ToHaveValueAsync($"{prefix}.1");
        await page.FillAsync("#Number", "2");
        await Expect(page.Locator("#Symbol")).ToHaveValueAsync($"{prefix}.2");
        await page.FillAsync("#Number", "1");
        await Expect(page.Locator("#Symbol")).ToHaveValueAsync($"{prefix}.1");
        await page.FillAsync("#Title_En", "Browser session of the Assembly");
        await page.FillAsync("#Venue_En", "United Nations Office at Nairobi");
        await page.FillAsync("#OpensOn", "2031-06-02");
        await page.FillAsync("#ClosesOn", "2031-06-06");
        await page.FillAsync("#RegistrationDeadline", "2031-05-20T23:59");
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex(@"/sessions/manage/\d+$"));
        var manageUrl = page.Url;

        await page.ClickAsync("text=Add an agenda item");
        await page.FillAsync("#Number", "1");
        await page.FillAsync("#Title_En", "Opening of the session.");
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.Locator("#agenda")).ToContainTextAsync("Opening of the session.");

        await page.ClickAsync("text=Add a meeting");
        await Expect(page.Locator("#StartsAt")).ToHaveValueAsync("2031-06-02T10:00");
        await page.FillAsync("#Room", "Plenary Hall");
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.Locator("#meetings")).ToContainTextAsync("Plenary Hall");
        Assert.StartsWith(manageUrl, page.Url);

        await page.ClickAsync("text=Public page");
        await Expect(page).ToHaveURLAsync(new Regex(@"/sessions/\d+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Browser session of the Assembly");
        await Expect(page.Locator("ol.agenda")).ToContainTextAsync("Opening of the session.");
        await Expect(page.Locator("table.meetings")).ToContainTextAsync("Meeting 1");
        await Expect(page.Locator("table.meetings time").First).ToHaveAttributeAsync("datetime", "2031-06-02T10:00");
        await Expect(page.Locator("main")).ToContainTextAsync("Africa/Nairobi");

        await page.SelectOptionAsync("#language-switcher", "ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("#agenda-heading")).ToHaveTextAsync("جدول الأعمال");
        await Expect(page.Locator("table.meetings")).ToContainTextAsync("الجلسة 1");
        await Expect(page.Locator("ol.agenda")).ToContainTextAsync("Opening of the session.");

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "public-session-ar.png"), FullPage = true });
    }
}
