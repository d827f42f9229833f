using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;

namespace Sessions.E2E;

/// <summary>A keyboard user skips the menu and always sees where the focus is.</summary>
public sealed class KeyboardInTheBrowserTests
{
    [ChromiumFact]
    public async Task The_first_tab_shows_the_skip_link_and_following_it_puts_the_focus_on_the_main_content()
    {
        await using var app = await BrowserApp.StartAsync();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/account/sign-in");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        await Assertions.Expect(skip).ToBeFocusedAsync();
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Width: > 20, Height: > 10 }, $"The focused skip link is not shown: {box?.Width}×{box?.Height} px.");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "The tab after the skip link does not go into the main content.");
    }

    [ChromiumFact]
    public async Task Every_focused_link_button_and_field_of_the_menu_and_the_page_shows_an_outline()
    {
        await using var app = await BrowserApp.StartAsync();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/account/sign-in");

        var unmarked = new List<string>();
        for (var i = 0; i < 15; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string>("""
                () => {
                    const el = document.activeElement;
                    if (!el || el === document.body) return '';
                    const style = getComputedStyle(el);
                    const shown = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
                    return (shown ? 'ok ' : 'none ') + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + (el.textContent || el.getAttribute('name') || '').trim().slice(0, 30);
                }
                """);
            if (focus.StartsWith("none ", StringComparison.Ordinal))
            {
                unmarked.Add(focus[5..]);
            }
        }

        Assert.True(unmarked.Count == 0, "Focused without a visible outline: " + string.Join(", ", unmarked));
    }
}
