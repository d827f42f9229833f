using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E;

/// <summary>
/// The top menu and the session's workspace fit at 1280 px in the six languages, measured in the browser; the
/// workspace's sections collapse behind a button on a 390 px phone and its header wraps.
/// The screenshot docs/screenshots/workspace.png comes from this class: regenerate it with
/// <c>SESSIONS_WRITE_DOCS_SCREENSHOTS=1 dotnet test tests/Sessions.E2E --filter "FullyQualifiedName~WorkspaceAndMenuInTheBrowserTests"</c>.
/// </summary>
public sealed class WorkspaceAndMenuInTheBrowserTests
{
    /// <summary>What does not fit in the top bar: the bar scrolls, an item is outside the window or on a second row, a menu text wraps, the language's name is cut.</summary>
    private const string MenuProblems = """
        () => {
            const problems = [];
            const nav = document.querySelector('nav.navbar');
            const width = document.documentElement.clientWidth;
            if (nav.scrollWidth > nav.clientWidth) problems.push(`the bar scrolls: ${nav.scrollWidth} > ${nav.clientWidth}`);
            const brand = nav.querySelector('.navbar-brand').getBoundingClientRect();
            const items = [...nav.querySelectorAll('.navbar-nav > .nav-item'), nav.querySelector('#language-switcher')];
            for (const item of items) {
                const box = item.getBoundingClientRect();
                const name = item.textContent.trim().replace(/\s+/g, ' ').slice(0, 40) || item.id;
                if (box.left < 0 || box.right > width) problems.push(`"${name}" is outside the window (${Math.round(box.left)}–${Math.round(box.right)} of ${width})`);
                if (box.top >= brand.bottom || box.bottom <= brand.top) problems.push(`"${name}" is on a second row`);
                const link = item.querySelector('.nav-link');
                if (link && link.getClientRects().length > 0 && link.getBoundingClientRect().height > parseFloat(getComputedStyle(link).lineHeight) * 1.5 + 20) problems.push(`"${name}" wraps`);
            }
            const select = nav.querySelector('#language-switcher');
            const style = getComputedStyle(select);
            const context = document.createElement('canvas').getContext('2d');
            context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
            const text = select.options[select.selectedIndex].text;
            const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            if (context.measureText(text).width > room + 1) problems.push(`the language "${text}" is cut: ${Math.round(context.measureText(text).width)} px in ${Math.round(room)} px`);
            return problems;
        }
        """;

    /// <summary>What does not fit in the workspace at 1280 px: the page scrolls sideways, a section's link leaves its column or the window, the title is cut or squeezed.</summary>
    private const string WorkspaceProblems = """
        () => {
            const problems = [];
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
            const sections = document.querySelector('#session-sections');
            if (!sections || sections.getClientRects().length === 0) problems.push('the sections are hidden');
            const column = document.querySelector('.session-workspace-nav').getBoundingClientRect();
            for (const link of document.querySelectorAll('#session-sections a, #session-sections .session-workspace-group')) {
                const box = link.getBoundingClientRect();
                if (box.left < column.left - 1 || box.right > column.right + 1 || box.right > width || box.left < 0) problems.push(`"${link.textContent.trim()}" leaves its column`);
                if (link.scrollWidth > link.clientWidth + 1) problems.push(`"${link.textContent.trim()}" is cut`);
            }
            if (!document.querySelector('#session-sections [aria-current=page]')) problems.push('no section is marked as current');
            const title = document.querySelector('.session-workspace-title');
            const header = document.querySelector('.session-workspace-header').getBoundingClientRect();
            const box = title.getBoundingClientRect();
            if (title.scrollWidth > title.clientWidth + 1 || box.right > width || box.left < 0) problems.push('the title is cut');
            if (box.width < header.width * 0.9) problems.push(`the title is squeezed: ${Math.round(box.width)} of ${Math.round(header.width)} px`);
            return problems;
        }
        """;

    [ChromiumFact]
    public async Task The_top_menu_fits_at_1280_px_in_every_language_for_the_secretariat_a_focal_point_and_anonymous()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        var organisation = await app.Factory.AddOrganisationAsync("Menu Measurers", OrganisationCategory.NonGovernmentalOrganisation);
        var focalPoint = await app.Factory.AddFocalPointAsync(organisation);
        var people = new (string Who, string? Email, string? Password)[]
        {
            ("anonymous", null, null),
            ("a focal point", focalPoint.Email, DelegationBuilders.FocalPointPassword),
            ("the secretariat", SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword),
        };
        var problems = new List<string>();

        foreach (var (who, email, password) in people)
        {
            await using var context = await app.NewContextAsync();
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            if (email is not null)
            {
                await app.SignInAsync(page, email, password!);
            }
            else
            {
                await page.GotoAsync("/");
            }

            foreach (var language in Languages.All)
            {
                await page.SelectOptionAsync("#language-switcher", language);
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
                // The new page's element exists before its stylesheets and fonts apply: measure the page as painted.
                await page.WaitForLoadStateAsync(LoadState.Load);
                await page.EvaluateAsync("document.fonts.ready");
                problems.AddRange((await page.EvaluateAsync<string[]>(MenuProblems)).Select(p => $"{who}, {language}: {p}"));
            }

            if (email is not null)
            {
                await Expect(page.Locator("nav.navbar")).ToContainTextAsync(email);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [ChromiumFact]
    public async Task The_menus_of_the_secretariat_open_from_the_keyboard()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await app.SignInAsync(page, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);

        await page.FocusAsync("[data-menu=registrations]");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-menu=registrations]")).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("a.dropdown-item[href='/registrations/review']")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(app.BaseUrl + "/registrations/review");
    }

    [ChromiumFact]
    public async Task The_workspace_fits_at_1280_px_in_every_language_and_collapses_on_a_phone()
    {
        await using var app = await BrowserApp.StartAsync(seedDemo: true);
        SetDefaultExpectTimeout(15_000);
        var sessionId = await app.Factory.InScopeAsync(sp =>
            sp.GetRequiredService<SessionsDbContext>().Sessions.Where(s => s.Symbol == "HSP/HA.2").Select(s => s.Id).SingleAsync());
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await app.SignInAsync(page, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);
        var problems = new List<string>();

        foreach (var path in new[] { "/dashboard", "", "/registrations" })
        {
            await page.GotoAsync($"/sessions/manage/{sessionId}{path}");
            foreach (var language in Languages.All)
            {
                await page.SelectOptionAsync("#language-switcher", language);
                await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
                await page.WaitForLoadStateAsync(LoadState.Load);
                await page.EvaluateAsync("document.fonts.ready");
                problems.AddRange((await page.EvaluateAsync<string[]>(WorkspaceProblems)).Select(p => $"{path}, {language}: {p}"));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));

        await page.SelectOptionAsync("#language-switcher", Languages.English);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", Languages.English);
        await page.GotoAsync($"/sessions/manage/{sessionId}/dashboard");
        await Expect(page.Locator("#session-sections [aria-current=page]")).ToHaveTextAsync("Dashboard");
        await Expect(page.Locator(".session-workspace-title")).ToContainTextAsync("HSP/HA.2");
        await Expect(page.Locator(".session-workspace-title")).ToContainTextAsync("Second session of the United Nations Habitat Assembly");
        var screenshot = new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "workspace.png") };
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot.Path)!);
        await page.ScreenshotAsync(screenshot);
        if (Environment.GetEnvironmentVariable("SESSIONS_WRITE_DOCS_SCREENSHOTS") == "1")
        {
            File.Copy(screenshot.Path, Path.Combine(RepositoryPaths.Root, "docs", "screenshots", "workspace.png"), overwrite: true);
        }

        // A phone: the sections fold behind one button that names the current one; the title wraps inside the window.
        foreach (var language in new[] { Languages.English, Languages.Russian, Languages.Arabic })
        {
            // The language is chosen in the wide window: on a phone the switcher is folded in the top menu.
            await page.SetViewportSizeAsync(1280, 900);
            await page.SelectOptionAsync("#language-switcher", language);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await page.SetViewportSizeAsync(390, 844);
            await Expect(page.Locator("#session-sections")).ToBeHiddenAsync();
            var toggle = page.Locator(".session-workspace-toggle");
            await Expect(toggle).ToBeVisibleAsync();
            await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
            Assert.True(await page.EvaluateAsync<bool>("""
                () => {
                    const title = document.querySelector('.session-workspace-title');
                    const box = title.getBoundingClientRect();
                    return box.left >= 0 && box.right <= document.documentElement.clientWidth && title.scrollWidth <= title.clientWidth + 1
                        && box.height > parseFloat(getComputedStyle(title).lineHeight) * 1.5;
                }
                """), $"{language}: the title does not wrap inside the phone's window");

            await toggle.ClickAsync();
            await Expect(page.Locator("#session-sections")).ToHaveClassAsync(new Regex(@"\bshow\b"));
            await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
            var outside = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('#session-sections a')].map(a => {
                    const box = a.getBoundingClientRect();
                    const left = box.left + window.scrollX, right = box.right + window.scrollX;
                    return left >= -1 && right <= document.documentElement.clientWidth + 1 ? null : `"${a.textContent.trim()}" ${Math.round(left)}–${Math.round(right)} of ${document.documentElement.clientWidth}`;
                }).filter(x => x)
                """);
            Assert.True(outside.Length == 0, $"{language}: sections' links leave the phone's window: {string.Join("; ", outside)}");
        }
    }
}
