using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Xunit.Abstractions;

namespace Sessions.E2E;

/// <summary>
/// Every page of every kind of visitor (<see cref="SitePages"/>) in the six languages, over the demo data: axe-core's
/// WCAG 2.0 and 2.1 A and AA rules find no serious or critical violation, and no English is left on a page in another
/// language (<see cref="EnglishOnPage"/>). Each page's horizontal overflow is measured and reported; it fails the sweep
/// as long as <see cref="FailOnOverflow"/> is set. Everything found is collected and reported at once.
/// </summary>
public sealed class AccessibilitySweepTests(ITestOutputHelper output)
{
    /// <summary>A page wider than the window fails the sweep; false only reports it, to look at widths while fixing.</summary>
    private static readonly bool FailOnOverflow = true;

    /// <summary>1280 px by default; SESSIONS_SWEEP_WIDTH=390 sweeps at a phone's width.</summary>
    private static readonly int Width = int.TryParse(Environment.GetEnvironmentVariable("SESSIONS_SWEEP_WIDTH"), out var width) ? width : 1280;

    /// <summary>Browser pages working at once: the server and Chromium share the machine's cores.</summary>
    private const int Workers = 4;

    /// <summary>All six unless SESSIONS_SWEEP_LANGUAGES lists some (e.g. "en,fr"), to look at a few while fixing.</summary>
    private static readonly IReadOnlyList<string> SweptLanguages = Environment.GetEnvironmentVariable("SESSIONS_SWEEP_LANGUAGES") is { Length: > 0 } some
        ? some.Split(',')
        : EnglishOnPage.Languages;

    private const string NotFoundPage = "/no-such-page";

    private static readonly AxeRunOptions _axe = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        ResultTypes = [ResultType.Violations],
    };

    [ChromiumFact]
    public async Task Every_page_of_every_role_in_six_languages_has_no_serious_axe_violation_and_no_english_left()
    {
        var started = Stopwatch.StartNew();
        await using var app = await BrowserApp.StartAsync(seedDemo: true);
        var pages = await SitePages.OfDemoAsync(app.Factory);
        var english = EnglishOnPage.FromResources(Path.Combine(app.Factory.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Resources"), pages.Data);

        var signedIn = new Dictionary<string, string?>();
        foreach (var visitor in SitePages.Visitors)
        {
            signedIn[visitor.Role] = visitor.Email is null ? null : await SignedInStateAsync(app, visitor.Email, pages.PasswordOf(visitor));
        }

        var findings = new ConcurrentBag<string>();
        var overflows = new ConcurrentBag<string>();
        var visits = 0;
        var work = new ConcurrentQueue<(SiteVisitor Visitor, string Language)>(
            from visitor in SitePages.Visitors from language in SweptLanguages select (visitor, language));
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async _ =>
        {
            while (work.TryDequeue(out var unit))
            {
                await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
                {
                    BaseURL = app.BaseUrl,
                    StorageState = signedIn[unit.Visitor.Role],
                    ViewportSize = new ViewportSize { Width = Width, Height = 900 },
                });
                await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={unit.Language}|uic={unit.Language}", Url = app.BaseUrl }]);
                var page = await context.NewPageAsync();
                page.SetDefaultTimeout(60_000);
                foreach (var path in pages.ByRole[unit.Visitor.Role])
                {
                    var where = $"{path} ({unit.Visitor.Role}, {unit.Language})";
                    var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                    Interlocked.Increment(ref visits);
                    var expected = path == NotFoundPage ? 404 : 200;
                    if (response?.Status != expected)
                    {
                        findings.Add($"{where}: answered {response?.Status}, not {expected}");
                        continue;
                    }

                    var axe = await page.RunAxe(_axe);
                    foreach (var violation in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
                    {
                        var targets = string.Join(" ; ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()));
                        findings.Add($"{where}: {violation.Id} ({violation.Impact}, {violation.Nodes.Length}×) at {targets}");
                    }

                    var seen = await page.EvaluateAsync<JsonElement>(EnglishOnPage.Script, english.ArgumentFor(unit.Language));
                    foreach (var text in seen.GetProperty("english").EnumerateArray())
                    {
                        findings.Add($"{where}: English left: {text.GetString()}");
                    }

                    if (seen.GetProperty("overflow").GetBoolean())
                    {
                        overflows.Add($"{where}: {seen.GetProperty("scrollWidth").GetInt32()} px wide in a {seen.GetProperty("innerWidth").GetInt32()} px window");
                    }
                }
            }
        }));

        output.WriteLine($"{visits} page visits ({string.Join(", ", SitePages.Visitors.Select(v => $"{pages.ByRole[v.Role].Count} pages as {v.Role}"))}, × {SweptLanguages.Count} languages) at {Width} px in {started.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s.");
        output.WriteLine($"{overflows.Count} visits overflow horizontally{(FailOnOverflow ? "" : " (reported, not failed)")}:");
        foreach (var line in overflows.Order(StringComparer.Ordinal))
        {
            output.WriteLine("  " + line);
        }

        var failures = findings.Concat(FailOnOverflow ? overflows.Select(o => "overflow: " + o) : []).Order(StringComparer.Ordinal).ToList();
        foreach (var (rule, count) in failures.GroupBy(RuleOf).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2))
        {
            output.WriteLine($"{count,5} {rule}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} findings in {visits} visits:\n" + string.Join('\n', failures));
    }

    private static string RuleOf(string finding)
    {
        var what = finding[(finding.IndexOf("): ", StringComparison.Ordinal) + 3)..];
        return what.StartsWith("English left", StringComparison.Ordinal) ? "English left" : what.Split(' ')[0];
    }

    private static async Task<string> SignedInStateAsync(BrowserApp app, string email, string password)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await app.SignInAsync(page, email, password);
        return await context.StorageStateAsync();
    }
}
