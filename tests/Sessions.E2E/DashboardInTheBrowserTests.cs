using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E;

/// <summary>The session dashboard in a real browser: reached from the session's page in English, read right to left in Arabic.</summary>
public sealed partial class DashboardInTheBrowserTests
{
    [ChromiumFact]
    public async Task The_secretariat_opens_the_dashboard_from_the_session_and_reads_it_in_english_and_in_arabic()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        var session = await app.Factory.AddDashboardSessionAsync();
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);

        // English: from the session's page, the first of its actions.
        await using (var english = await app.NewContextAsync())
        {
            var page = await english.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            await app.SignInAsync(page, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);
            await page.GotoAsync($"/sessions/manage/{session.SessionId}");
            await page.ClickAsync("[data-action=dashboard]");
            await page.WaitForURLAsync($"{app.BaseUrl}/sessions/manage/{session.SessionId}/dashboard");

            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
            await Expect(page.Locator("h1")).ToContainTextAsync("Dashboard");
            await Expect(page.Locator("figure.bar-chart table")).ToHaveCountAsync(6);
            await Expect(page.Locator("figure.bar-chart svg rect").First).ToBeVisibleAsync();
            await Expect(page.Locator("[data-figure=delegations-registered]")).ToHaveTextAsync("4");
            await Expect(page.Locator("[data-figure=participants-approved]")).ToHaveTextAsync("5");
            await Expect(page.Locator("figure.bar-chart caption", new() { HasText = "Check-ins per meeting" })).ToBeVisibleAsync();
            await Expect(page.Locator("figure.bar-chart th[scope=row]", new() { HasText = "Meeting 2, in progress" })).ToBeVisibleAsync();
            await Expect(page.Locator("tr[data-meeting='2'][data-in-progress=true]")).ToContainTextAsync("In progress");
            await Expect(page.Locator("[data-figure=speaking-time]")).ToHaveTextAsync("Total speaking time: 2 min 30 s");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard-en.png"), FullPage = true });

            // The meeting in progress leads on to its roster.
            await page.ClickAsync("tr[data-meeting='2'] a");
            await page.WaitForURLAsync($"{app.BaseUrl}/sessions/manage/{session.SessionId}/meetings/{session.MeetingIds[1]}/roster");
        }

        // Arabic: right to left, the charts drawn, nothing left in English but the session's own data.
        await using (var arabic = await app.NewContextAsync("ar"))
        {
            var page = await arabic.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            await app.SignInAsync(page, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);
            await page.GotoAsync($"/sessions/manage/{session.SessionId}/dashboard");

            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
            await Expect(page.Locator("h1")).ToContainTextAsync("لوحة المتابعة");
            await Expect(page.Locator("figure.bar-chart table")).ToHaveCountAsync(6);
            await Expect(page.Locator("figure.bar-chart caption", new() { HasText = "تسجيل الحضور في كل جلسة" })).ToBeVisibleAsync();
            await Expect(page.Locator("figure.bar-chart th[scope=row]", new() { HasText = "الجلسة 2، جارية" })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-figure=delegations-registered]")).ToHaveTextAsync("4");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard-ar.png"), FullPage = true });

            // A missing key falls back to its English text: once the session's own words (and its body's name, in the workspace's header) are set aside, no English word is left.
            var text = await page.Locator("main").InnerTextAsync();
            foreach (var data in new[] { $"Session {session.Symbol}", session.Symbol, "Opening of the session", "Adequate housing for all", "Africa/Nairobi", "Test Assembly" })
            {
                text = text.Replace(data, "", StringComparison.Ordinal);
            }

            var english = LatinWord().Matches(text).Select(m => m.Value).Distinct().ToList();
            Assert.True(english.Count == 0, "English left on the Arabic dashboard: " + string.Join(", ", english));
        }
    }

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex LatinWord();
}
