using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sessions.Core.Data;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E;

/// <summary>
/// The projector mode of the live display, in Chromium: the whole list on one 16:9 screen in each language, and the
/// console's keys driving it through the warning and over-time states. Time is the app's test clock (ClockedAppFactory),
/// moved by the test; nothing waits for time to pass.
/// </summary>
public sealed class ProjectorInTheBrowserTests
{
    private static readonly string[] _languages = ["ar", "zh", "en", "fr", "ru", "es"];

    private static readonly (int Width, int Height)[] _screens = [(1920, 1080), (1280, 720)];

    // Names longer than any line of the screen, in each language's script, for the speakers the screen shows.
    private static readonly Dictionary<string, string> _longNames = new()
    {
        ["en"] = "The Plurinational Federal Democratic Republic of the Islands of the Very Long Name and their Dependencies",
        ["fr"] = "République fédérale démocratique plurinationale des Îles au nom très long et de leurs dépendances",
        ["es"] = "República Federal Democrática Plurinacional de las Islas del Nombre Muy Largo y sus Dependencias",
        ["ru"] = "Многонациональная Федеративная Демократическая Республика Островов Очень Длинного Названия и их Владений",
        ["ar"] = "جمهورية جزر الاسم الطويل جداً الاتحادية الديمقراطية المتعددة القوميات وتوابعها وأقاليمها الخارجية",
        ["zh"] = "名称非常非常长的群岛及其全部属地与海外领土多民族联邦民主共和国",
    };

    // Measured in the page: every part inside the screen and inside its own box, labels whole, no scrolling, no link.
    private const string Measure = """
        () => {
            const problems = [];
            const w = window.innerWidth, h = window.innerHeight;
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth || root.scrollHeight > root.clientHeight) {
                problems.push(`the page scrolls: ${root.scrollWidth}×${root.scrollHeight}`);
            }
            const inside = (name, element) => {
                const r = element.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) { problems.push(`${name} is not shown`); return; }
                if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5) {
                    problems.push(`${name} is off the screen: ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
                }
                const box = element.closest('[data-part]');
                if (box && box !== element) {
                    const b = box.getBoundingClientRect();
                    if (r.left < b.left - 0.5 || r.top < b.top - 0.5 || r.right > b.right + 0.5 || r.bottom > b.bottom + 0.5) {
                        problems.push(`${name} is cut by its part (${box.dataset.part})`);
                    }
                }
            };
            const parts = {
                'header': '[data-part=header]', 'agenda item': '.projector-item', 'clock': '[data-live=clock]',
                'current heading': '#projector-current-heading', 'current speaker': '[data-live=current-name]',
                'current kind': '[data-live=current-kind]', 'timer': '[data-live=timer]', 'timer note': '[data-live=timer-note]',
                'next heading': '#projector-next-heading', 'waiting count': '[data-live=waiting]',
                'last heading': '#projector-last-heading', 'open or closed': '[data-live=open]'
            };
            const whole = ['clock', 'current heading', 'timer', 'timer note', 'next heading', 'waiting count', 'last heading', 'open or closed'];
            for (const [name, selector] of Object.entries(parts)) {
                const element = document.querySelector(selector);
                if (!element) { problems.push(`${name} is missing`); continue; }
                inside(name, element);
                if (whole.includes(name) && element.scrollWidth > element.clientWidth + 1) {
                    problems.push(`${name} is cut: ${element.scrollWidth} > ${element.clientWidth}`);
                }
            }
            const cue = document.querySelector('[data-live=timer-cue-text]');
            if (cue && cue.textContent) { inside('time cue', cue); }
            const label = document.querySelector('.projector-clock-label');
            if (label.scrollWidth > label.clientWidth + 1) { problems.push('the clock label is cut'); }
            const fullscreen = document.querySelector('[data-live=fullscreen]');
            if (!fullscreen.hidden) { inside('full-screen button', fullscreen); }
            const next = [...document.querySelectorAll('[data-live=next] li')].filter(li => !li.hidden);
            next.forEach((li, i) => inside(`next speaker ${i + 1}`, li));
            const last = [...document.querySelectorAll('[data-live=last] li')];
            last.forEach((li, i) => inside(`last speaker ${i + 1}`, li));
            if (document.querySelectorAll('a[href]').length > 0) { problems.push('a link is on the screen'); }
            return { problems, next: next.length, last: last.length };
        }
        """;

    [ChromiumFact]
    public async Task The_projector_shows_every_part_of_a_300_speaker_list_within_1920x1080_and_1280x720_in_the_six_languages()
    {
        await using var app = await BrowserApp.StartAsync(clocked: true);
        SetDefaultExpectTimeout(20_000);
        var factory = (ClockedAppFactory)app.Factory;
        var seeded = await factory.AddListAsync(members: 300);
        await GiveLongNamesAsync(factory, seeded, count: 20);
        for (var i = 0; i < 3; i++)
        {
            await factory.CallNextAndStartAsync(seeded.ListId);
            factory.Clock.Advance(TimeSpan.FromSeconds(200 + i));
            await factory.ChangeListAsync(seeded.ListId, (list, now) => list.FinishSpeaking(list.Speaking!.Id, now));
        }

        await factory.CallNextAndStartAsync(seeded.ListId);
        factory.Clock.Advance(TimeSpan.FromSeconds(70));

        // Running (03:50 left), then over time: the timer's note is longest then ("over" beside "05:00 allowed").
        foreach (var state in new[] { "running", "over" })
        {
            if (state == "over")
            {
                factory.Clock.Advance(TimeSpan.FromSeconds(300));
            }

            foreach (var language in _languages)
            {
                await using var context = await app.NewContextAsync(language);
                var page = await context.NewPageAsync();
                page.SetDefaultTimeout(60_000);
                foreach (var (width, height) in _screens)
                {
                    await page.SetViewportSizeAsync(width, height);
                    await page.GotoAsync($"/speakers/{seeded.ListId}/projector");
                    await Expect(page.Locator("[data-live=timer]")).ToHaveAttributeAsync("data-timer-state", state);
                    await page.EvaluateAsync("() => document.fonts.ready");
                    var measured = await page.EvaluateAsync<JsonElement>(Measure);
                    var problems = measured.GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
                    var where = $"{language} at {width}×{height}, {state}";
                    Assert.True(problems.Count == 0, where + ": " + string.Join("; ", problems));
                    Assert.True(measured.GetProperty("next").GetInt32() >= 4, $"{where}: at least four next speakers shown, not {measured.GetProperty("next").GetInt32()}");
                    Assert.Equal(3, measured.GetProperty("last").GetInt32());
                    await Expect(page.Locator("[data-live=current-name]")).ToHaveTextAsync(_longNames[language] + " 3");
                    await Expect(page.Locator("[data-live=waiting]")).ToContainTextAsync("296");
                    if (language == "ar")
                    {
                        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
                    }

                    if (state == "running" && language == "en" && width == 1920)
                    {
                        await SaveScreenshotAsync(page);
                    }

                    var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
                    Directory.CreateDirectory(screenshots);
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, $"projector-{language}-{width}-{state}.png") });
                }
            }
        }
    }

    [ChromiumFact]
    public async Task The_console_keys_call_start_pause_and_stop_and_the_projector_warns_in_the_last_30_seconds_then_shows_time_over()
    {
        await using var app = await BrowserApp.StartAsync(clocked: true);
        SetDefaultExpectTimeout(20_000);
        var factory = (ClockedAppFactory)app.Factory;
        var seeded = await factory.AddListAsync(members: 3);
        var (first, second) = (seeded.Delegations[0].Name, seeded.Delegations[1].Name);
        // Two seconds into a minute, so that the venue's clock reads the same minute while the test looks at it.
        var start = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromSeconds(62 - start.Second) - TimeSpan.FromMilliseconds(start.Millisecond));

        await using var room = await app.NewContextAsync();
        var projector = await room.NewPageAsync();
        projector.SetDefaultTimeout(60_000);
        await projector.SetViewportSizeAsync(1280, 720);
        await projector.GotoAsync($"/speakers/{seeded.ListId}/projector");
        var nairobi = TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Africa/Nairobi"));
        await Expect(projector.Locator("[data-live=clock]")).ToHaveTextAsync(nairobi.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Expect(projector.Locator("[data-live=connection]")).ToHaveTextAsync("Live: updates as the list changes");
        await Expect(projector.Locator("[data-live=fullscreen]")).ToBeVisibleAsync();
        await Expect(projector.Locator("[data-live=no-current]")).ToBeVisibleAsync();

        await using var secretariat = await app.NewContextAsync();
        var console = await secretariat.NewPageAsync();
        console.SetDefaultTimeout(60_000);
        await app.SignInAsync(console, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);
        await console.GotoAsync($"/speakers/{seeded.ListId}/console");
        await Expect(console.Locator(".console-shortcuts")).ToContainTextAsync("Call the next speaker");
        await Expect(console.Locator(".console-shortcuts")).ToContainTextAsync("Start, pause or resume the timer");

        async Task PressAsync(string key, string thenShows)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await console.WaitForFunctionAsync("() => document.readyState === 'complete'");
            await console.Keyboard.PressAsync(key);
            await Expect(console.Locator($"[data-action={thenShows}]")).ToBeVisibleAsync();
        }

        // N: the next speaker has the floor, on the projector and in the console's preview of it.
        await PressAsync("n", "start");
        await Expect(projector.Locator("[data-live=current-name]")).ToHaveTextAsync(first);
        await Expect(projector.Locator("[data-live=next] li").First).ToContainTextAsync(second);
        var preview = console.FrameLocator("[data-role=projector-preview] iframe");
        await Expect(preview.Locator("[data-live=current-name]")).ToHaveTextAsync(first);
        var box = await console.Locator("[data-role=projector-preview]").BoundingBoxAsync();
        var screen = await preview.Locator(".projector").BoundingBoxAsync();
        Assert.True(box is not null && screen is not null && Math.Abs(screen.Width - box.Width) < 3 && screen.Height <= box.Height + 2,
            $"the preview shows the whole projector screen in its box: {screen?.Width}×{screen?.Height} in {box?.Width}×{box?.Height}");

        // A key typed in a field is the field's: P in the extension field starts nothing.
        await console.EvaluateAsync("() => document.addEventListener('submit', () => { window.submitted = true; }, true)");
        await console.FocusAsync("#custom-seconds");
        await console.Keyboard.PressAsync("p");
        Assert.False(await console.EvaluateAsync<bool>("() => window.submitted === true"));
        await console.EvaluateAsync("() => document.activeElement.blur()");

        // P starts the timer; 4:35 later P pauses it with 25 seconds left: the projector warns, in colour and in words.
        await PressAsync("p", "pause");
        await Expect(projector.Locator("[data-live=timer]")).ToHaveAttributeAsync("data-running", "true");
        factory.Clock.Advance(TimeSpan.FromSeconds(275) - TimeSpan.FromSeconds(1));
        await PressAsync("p", "resume");
        var timer = projector.Locator("[data-live=timer]");
        await Expect(timer).ToHaveAttributeAsync("data-timer-state", "ending");
        await Expect(projector.Locator("[data-live=timer-value]")).ToHaveTextAsync("00:25");
        await Expect(projector.Locator("[data-live=timer-cue-text]")).ToHaveTextAsync("Less than 30 seconds left");
        await Expect(projector.Locator("[data-live=timer-note]")).ToHaveTextAsync("The timer is paused");
        var ending = await timer.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

        // P resumes; 40 seconds later P pauses it 15 seconds over time: another colour, a plus sign and words.
        await PressAsync("p", "pause");
        factory.Clock.Advance(TimeSpan.FromSeconds(40) - TimeSpan.FromSeconds(1));
        await PressAsync("p", "resume");
        await Expect(timer).ToHaveAttributeAsync("data-timer-state", "over");
        await Expect(projector.Locator("[data-live=timer-sign]")).ToHaveTextAsync("+");
        await Expect(projector.Locator("[data-live=timer-value]")).ToHaveTextAsync("00:15");
        await Expect(projector.Locator("[data-live=timer-cue-text]")).ToHaveTextAsync("Over the time allowed");
        var over = await timer.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual(ending, over);
        Assert.NotEqual("rgba(0, 0, 0, 0)", ending);
        Assert.NotEqual("rgba(0, 0, 0, 0)", over);

        // S: the speaker has spoken and goes to the last; N: the next one has the floor.
        await PressAsync("s", "call-next");
        await Expect(projector.Locator("[data-live=no-current]")).ToBeVisibleAsync();
        await Expect(projector.Locator("[data-live=last] li").First).ToContainTextAsync(first);
        await Expect(projector.Locator("[data-live=last] li").First).ToContainTextAsync("Spoke for 05:15");
        await PressAsync("n", "start");
        await Expect(projector.Locator("[data-live=current-name]")).ToHaveTextAsync(second);
        var spoke = await factory.WithDbAsync(db => db.SpeakersLists.Where(l => l.Id == seeded.ListId)
            .SelectMany(l => l.Inscriptions).Where(i => i.DelegationId == seeded.Delegations[0].DelegationId).Select(i => i.SpokeForSeconds).SingleAsync());
        Assert.Equal(315, spoke);
    }

    /// <summary>
    /// docs/screenshots/projector.png is written here. To make it again:
    /// <c>SESSIONS_WRITE_SCREENSHOTS=1 dotnet test tests/Sessions.E2E --filter "FullyQualifiedName~ProjectorInTheBrowserTests"</c>.
    /// Otherwise the screenshot goes to the test output's screenshots folder.
    /// </summary>
    private static async Task SaveScreenshotAsync(IPage page)
    {
        var folder = Environment.GetEnvironmentVariable("SESSIONS_WRITE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryPaths.Root, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "projector.png") });
    }

    /// <summary>Every other one of the first <paramref name="count"/> delegations on the list (the speaker with the floor among them) takes a long name in each language, numbered by its place.</summary>
    private static Task GiveLongNamesAsync(SessionsAppFactory factory, LiveDisplayBuilders.SeededList seeded, int count) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            for (var i = 1; i < count; i += 2)
            {
                var organisation = await db.Organisations.Include(o => o.Names).SingleAsync(o => o.Id == seeded.Delegations[i].OrganisationId);
                organisation.Rename($"{_longNames["en"]} {i}", "en");
                foreach (var language in _languages.Where(l => l != "en"))
                {
                    organisation.SetTranslatedName(language, $"{_longNames[language]} {i}");
                }
            }

            await db.SaveChangesAsync();
        });
}
