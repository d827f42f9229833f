using System.Globalization;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;

namespace Sessions.E2E;

/// <summary>
/// The top menu is read on every page: each of its texts reaches WCAG 2.1 AA contrast (4.5:1) against the bar, as the
/// browser paints them (colours with their transparency laid over the bar's own colour).
/// </summary>
public sealed class MenuContrastInTheBrowserTests
{
    private const string LowestContrast = """
        () => {
            const rgba = c => { const m = c.match(/rgba?\(([^)]+)\)/); const p = m[1].split(',').map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
            const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
            const bar = rgba(getComputedStyle(document.querySelector('nav.navbar')).backgroundColor);
            let lowest = { ratio: 99, text: '' };
            for (const el of document.querySelectorAll('nav.navbar .navbar-brand, nav.navbar .nav-link, nav.navbar .navbar-text')) {
                if (!el.offsetParent || !el.textContent.trim()) continue;
                const [r, g, b, a] = rgba(getComputedStyle(el).color);
                const painted = [r * a + bar[0] * (1 - a), g * a + bar[1] * (1 - a), b * a + bar[2] * (1 - a)];
                const [hi, lo] = [lum(painted), lum(bar)].sort((x, y) => y - x);
                const ratio = (hi + 0.05) / (lo + 0.05);
                if (ratio < lowest.ratio) lowest = { ratio, text: el.textContent.trim() };
            }
            return lowest.ratio.toFixed(2) + ' ' + lowest.text;
        }
        """;

    [ChromiumFact]
    public async Task Every_text_of_the_top_menu_reaches_four_and_a_half_to_one_against_the_bar_for_each_role()
    {
        await using var app = await BrowserApp.StartAsync();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync("/");
        AssertReadable(await page.EvaluateAsync<string>(LowestContrast), "anonymous");
        await app.SignInAsync(page, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);
        AssertReadable(await page.EvaluateAsync<string>(LowestContrast), "secretariat");
    }

    private static void AssertReadable(string lowest, string who)
    {
        var ratio = double.Parse(lowest.Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(ratio >= 4.5, $"The top menu seen by {who}: \"{lowest[(lowest.IndexOf(' ', StringComparison.Ordinal) + 1)..]}\" has a contrast of {ratio}:1, under 4.5:1.");
    }
}
