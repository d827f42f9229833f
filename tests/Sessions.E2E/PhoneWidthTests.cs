using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Registration.Review;
using Sessions.Web.Infrastructure.Data;
using Xunit.Abstractions;

namespace Sessions.E2E;

/// <summary>
/// Every page fits a 390 px phone (an iPhone's 390×844, three device pixels to one, touch) without scrolling sideways, in
/// English and in Arabic: over the demo data, each role's pages are found by following the links of its own pages from its
/// home (one page per route, at most <see cref="PagesPerRole"/>), and every page wider than the screen is listed at once.
/// </summary>
public sealed partial class PhoneWidthTests(ITestOutputHelper output)
{
    private const int PagesPerRole = 150;

    /// <summary>Pages of one kind named by a word rather than a number (the notice templates): a few of them stand for all.</summary>
    private const int ChildrenPerPath = 8;

    /// <summary>The page's width and, when it overflows, the element that reaches furthest out of the screen.</summary>
    private const string Measure = """
        () => {
            // A mobile browser zooms out to show a page wider than the screen, which widens innerWidth to the page's own
            // width: the layout viewport (the root's clientWidth) stays the screen's.
            const width = Math.min(window.innerWidth, document.documentElement.clientWidth);
            const scrollWidth = document.documentElement.scrollWidth;
            if (scrollWidth <= width) return '';
            let widest = '';
            let worst = 0;
            for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width < 2) continue;
                let clipped = false;
                for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                    if (getComputedStyle(p).overflowX !== 'visible') { clipped = true; break; }
                }
                if (clipped) continue;
                const out = Math.max(r.right - width, -r.left);
                if (out > worst + 0.5) {
                    worst = out;
                    const cls = (el.getAttribute('class') || '').trim().split(/\s+/).filter(c => c).slice(0, 3).map(c => '.' + c).join('');
                    widest = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + ' (' + Math.round(r.width) + ' px)';
                }
            }
            return scrollWidth + ' px wide on a ' + width + ' px screen, widest ' + widest;
        }
        """;

    [ChromiumFact]
    public async Task No_page_of_any_role_scrolls_sideways_on_a_390_px_phone_in_English_or_Arabic()
    {
        await using var app = await BrowserApp.StartAsync(seedDemo: true);
        var password = await DemoAccountsPasswordAsync(app);
        // The demo's second Assembly holds its speakers list, statements and participants: its pages stand for every session's.
        var assembly = await app.Factory.WithDbAsync(db => db.Sessions.Where(s => s.Symbol == "HSP/HA.2").Select(s => s.Id).SingleAsync());
        var roles = new (string Role, string? Email, string Password, string[] From)[]
        {
            ("anonymous", null, "", ["/", $"/sessions/{assembly}"]),
            ("focal point", DemoAccounts.ObserverFocalPoint, password, ["/", $"/sessions/{assembly}"]),
            ("member State focal point", DemoAccounts.MemberStateFocalPoint, password, ["/", $"/sessions/{assembly}"]),
            ("delegate", DemoAccounts.Delegate, password, ["/", $"/sessions/{assembly}"]),
            ("secretariat", SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword,
                ["/", $"/sessions/manage/{assembly}", $"/sessions/manage/{assembly}/statements", $"/sessions/manage/{assembly}/dashboard", $"/sessions/{assembly}",
                    $"/registrations/review?status={ReviewQueue.AllStatuses}"]),
        };

        var overflowing = new List<string>();
        var visited = 0;
        foreach (var language in new[] { "en", "ar" })
        {
            foreach (var (role, email, rolePassword, from) in roles)
            {
                await using var context = await NewPhoneContextAsync(app, language);
                var page = await context.NewPageAsync();
                page.SetDefaultTimeout(60_000);
                if (email is not null)
                {
                    await app.SignInAsync(page, email, rolePassword);
                }

                foreach (var (path, width) in await CrawlAsync(page, app.BaseUrl, from))
                {
                    visited++;
                    output.WriteLine($"{language} {role} {path}");
                    if (width is not null)
                    {
                        overflowing.Add($"{language} {role} {path}: {width}");
                    }
                }
            }
        }

        Assert.True(visited > 100, $"Only {visited} pages were visited: the crawl lost its way.");
        Assert.True(overflowing.Count == 0, $"{overflowing.Count} of {visited} pages scroll sideways at 390 px:\n" + string.Join("\n", overflowing));
    }

    /// <summary>
    /// The delegate's speaking slots in Arabic on a phone, as cards. The picture in the docs is this test's:
    /// regenerate it with <c>SESSIONS_WRITE_SCREENSHOTS=1 dotnet test tests/Sessions.E2E --filter "FullyQualifiedName~PhoneWidthTests.The_delegate_s_speaking_slots"</c>
    /// (fonts-noto-core for the Arabic glyphs).
    /// </summary>
    [ChromiumFact]
    public async Task The_delegate_s_speaking_slots_in_Arabic_fit_a_phone_as_cards()
    {
        await using var app = await BrowserApp.StartAsync(seedDemo: true);
        var password = await DemoAccountsPasswordAsync(app);
        await using var context = await NewPhoneContextAsync(app, "ar");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await app.SignInAsync(page, DemoAccounts.Delegate, password);
        await page.GotoAsync("/speakers/mine");

        var slot = page.Locator("tr.speaking-slot").First;
        var cells = await slot.Locator("td").EvaluateAllAsync<double[]>("tds => tds.map(td => td.getBoundingClientRect().width)");
        var labels = await slot.Locator("td").EvaluateAllAsync<string[]>("tds => tds.map(td => getComputedStyle(td, '::before').content)");

        Assert.Equal("", await page.EvaluateAsync<string>(Measure));
        Assert.All(cells, width => Assert.True(width > 250, $"A cell {width} px wide: the slot is not shown as a card."));
        Assert.Contains("\"بند جدول الأعمال\"", labels);
        if (Environment.GetEnvironmentVariable("SESSIONS_WRITE_SCREENSHOTS") == "1")
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryRoot(), "docs", "screenshots", "phone-ar.png") });
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "Sessions.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("Sessions.sln not found above the test's folder.");
        }

        return directory.FullName;
    }

    /// <summary>The phone of the issue's measurements: 390×844 CSS pixels, 3 device pixels to one, touch, a mobile viewport.</summary>
    public static Task<IBrowserContext> NewPhoneContextAsync(BrowserApp app, string locale) =>
        app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 3,
            IsMobile = true,
            HasTouch = true,
        });

    /// <summary>The demo's focal points and delegate (made in Development; here asked for) and their shared password.</summary>
    public static async Task<string> DemoAccountsPasswordAsync(BrowserApp app)
    {
        await app.Factory.InScopeAsync(sp => sp.GetRequiredService<DemoAccounts>().EnsureAsync());
        var text = await File.ReadAllTextAsync(Path.Combine(app.Factory.DataDirectory, DemoAccounts.FileName));
        return DemoPassword().Match(text).Groups["password"].Value;
    }

    /// <summary>Visits the pages reachable by links from the given ones, one per route; returns each with its overflow, if any.</summary>
    private static async Task<List<(string Path, string? Width)>> CrawlAsync(IPage page, string baseUrl, string[] from)
    {
        var results = new List<(string, string?)>();
        var seen = new HashSet<string>();
        var children = new Dictionary<string, int>();
        var queue = new Queue<string>();
        foreach (var start in from)
        {
            queue.Enqueue(start);
            seen.Add(RouteOf(new Uri(new Uri(baseUrl), start).AbsolutePath));
        }
        while (queue.Count > 0 && results.Count < PagesPerRole)
        {
            var path = queue.Dequeue();
            IResponse? response;
            try
            {
                response = await page.GotoAsync(path);
            }
            catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal))
            {
                continue;
            }

            if (response is null || !response.Ok || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            var overflow = await page.EvaluateAsync<string>(Measure);
            results.Add((path, overflow.Length > 0 ? overflow : null));

            var links = await page.EvalOnSelectorAllAsync<string[]>("a[href]:not([download])", "els => els.map(a => a.href)");
            foreach (var link in links)
            {
                if (!link.StartsWith(baseUrl + "/", StringComparison.Ordinal))
                {
                    continue;
                }

                var uri = new Uri(link);
                var route = RouteOf(uri.AbsolutePath);
                var parent = route[..route.LastIndexOf('/')];
                var named = parent.Length > 0 && !parent.EndsWith('}');
                if (Skipped().IsMatch(uri.AbsolutePath) || (named && children.GetValueOrDefault(parent) >= ChildrenPerPath) || !seen.Add(route))
                {
                    continue;
                }

                children[parent] = children.GetValueOrDefault(parent) + 1;
                queue.Enqueue(uri.PathAndQuery);
            }
        }

        return results;
    }

    /// <summary>One visit per route: record numbers and tokens stand for any of their kind.</summary>
    private static string RouteOf(string path) => Token().Replace(Number().Replace(path, "{n}"), "{t}");

    [GeneratedRegex(@"password: (?<password>\S+)")]
    private static partial Regex DemoPassword();

    [GeneratedRegex(@"(?<=/)\d+(?=/|$)")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<=/)[A-Za-z0-9_-]{20,}(?=/|$)")]
    private static partial Regex Token();

    /// <summary>Not pages: files, the background jobs' dashboard (Hangfire's own), sign-out.</summary>
    [GeneratedRegex(@"^/jobs|\.(xlsx|ics|png|jpg|pdf|docx|csv)$|/download$|/file$|/sign-out")]
    private static partial Regex Skipped();
}
