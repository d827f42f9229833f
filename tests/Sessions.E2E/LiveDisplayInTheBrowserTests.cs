using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sessions.Core.Data;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E;

/// <summary>
/// Two browsers in the room: the secretariat's console and the public display on the projector. What the
/// console does shows on the display without a reload (pushed over SignalR).
/// </summary>
public sealed class LiveDisplayInTheBrowserTests
{
    [ChromiumFact]
    public async Task Calling_the_next_speaker_and_starting_the_timer_on_the_console_shows_on_the_display_without_a_reload()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        var seeded = await app.Factory.AddListAsync(members: 3);
        var first = seeded.Delegations[0].Name;

        await using var projector = await app.NewContextAsync();
        var display = await projector.NewPageAsync();
        display.SetDefaultTimeout(60_000);
        await display.GotoAsync($"/speakers/{seeded.ListId}/live");
        await Expect(display.Locator("[data-live=no-current]")).ToBeVisibleAsync();
        await Expect(display.Locator("[data-live=next] li").First).ToContainTextAsync(first);
        // Connected to the live channel before the console acts.
        await Expect(display.Locator("[data-live=connection]")).ToHaveTextAsync("Live: updates as the list changes");
        // Whether delegations may still inscribe has its own place, not taken over by the connection status.
        await Expect(display.Locator("[data-live=open]")).ToHaveTextAsync("Delegations may still inscribe.");
        // A reload would lose this mark.
        await display.EvaluateAsync("() => { window.notReloaded = true; }");

        await using var secretariat = await app.NewContextAsync();
        var console = await secretariat.NewPageAsync();
        console.SetDefaultTimeout(60_000);
        await console.GotoAsync("/account/sign-in");
        await console.FillAsync("#Email", SessionsAppFactory.AdminEmail);
        await console.FillAsync("#Password", SessionsAppFactory.AdminPassword);
        await console.ClickAsync("main button[type=submit]");
        await console.WaitForURLAsync(app.BaseUrl + "/");
        await console.GotoAsync($"/speakers/{seeded.ListId}/console");

        await console.ClickAsync("[data-action=call-next]");
        await Expect(display.Locator("[data-live=current-name]")).ToHaveTextAsync(first);
        await Expect(display.Locator("[data-live=next] li").First).ToContainTextAsync(seeded.Delegations[1].Name);
        await Expect(display.Locator("[data-live=timer]")).ToHaveAttributeAsync("data-running", "false");
        await Expect(display.Locator("[data-live=timer-value]")).ToHaveTextAsync("05:00");
        await Expect(display.Locator("[data-live=timer-note]")).ToHaveTextAsync("The timer has not started");

        await console.ClickAsync("[data-action=start]");
        await Expect(display.Locator("[data-live=timer]")).ToHaveAttributeAsync("data-running", "true");
        // The display counts down by itself from the pushed state.
        await Expect(display.Locator("[data-live=timer-value]")).ToHaveTextAsync(new Regex("^04:5[0-9]$"));
        Assert.True(await display.EvaluateAsync<bool>("() => window.notReloaded === true"));

        await console.ClickAsync("[data-action=pause]");
        await Expect(display.Locator("[data-live=timer]")).ToHaveAttributeAsync("data-running", "false");
        await Expect(display.Locator("[data-live=timer-note]")).ToHaveTextAsync("The timer is paused");
        Assert.True(await display.EvaluateAsync<bool>("() => window.notReloaded === true"));

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await display.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "live-display.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task The_display_catches_up_after_its_connection_drops()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(20_000);
        var seeded = await app.Factory.AddListAsync(members: 3);
        await using var context = await app.NewContextAsync("ar");
        var display = await context.NewPageAsync();
        display.SetDefaultTimeout(60_000);
        // The display's live sockets pass through the test, which can cut them.
        var sockets = new List<IWebSocketRoute>();
        await display.RouteWebSocketAsync(new Regex("/hubs/speakers"), socket =>
        {
            lock (sockets)
            {
                sockets.Add(socket);
            }

            socket.ConnectToServer();
        });
        await display.GotoAsync($"/speakers/{seeded.ListId}/live");
        await Expect(display.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(display.Locator("[data-live=connection]")).ToHaveTextAsync("مباشر: يتحدث مع كل تغيير في القائمة");

        // A change the display never hears of (written straight to the database, so nothing is pushed), then the
        // connection drops: once it is back the display must read the state again to show it.
        await app.Factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var list = await db.SpeakersLists.Include(l => l.Inscriptions).SingleAsync(l => l.Id == seeded.ListId);
            var speaker = list.CallNext(DateTime.UtcNow);
            list.StartTimer(speaker.Id, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        IWebSocketRoute live;
        lock (sockets)
        {
            live = Assert.Single(sockets);
        }

        await live.CloseAsync();

        await Expect(display.Locator("[data-live=current-name]")).ToHaveTextAsync(seeded.Delegations[0].Name);
        await Expect(display.Locator("[data-live=timer]")).ToHaveAttributeAsync("data-running", "true");
        await Expect(display.Locator("[data-live=connection]")).ToHaveTextAsync("مباشر: يتحدث مع كل تغيير في القائمة");
        lock (sockets)
        {
            Assert.True(sockets.Count >= 2, "the display opened a new live connection");
        }

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await display.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "live-display-ar.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task The_display_shows_a_closed_list_and_is_not_live_once_its_session_is_withdrawn_from_the_public()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(20_000);
        var seeded = await app.Factory.AddListAsync(members: 2);
        await using var context = await app.NewContextAsync();
        var display = await context.NewPageAsync();
        display.SetDefaultTimeout(60_000);
        var sockets = new List<IWebSocketRoute>();
        await display.RouteWebSocketAsync(new Regex("/hubs/speakers"), socket =>
        {
            lock (sockets)
            {
                sockets.Add(socket);
            }

            socket.ConnectToServer();
        });
        await display.GotoAsync($"/speakers/{seeded.ListId}/live");
        await Expect(display.Locator("[data-live=connection]")).ToHaveTextAsync("Live: updates as the list changes");
        await Expect(display.Locator("[data-live=open]")).ToHaveTextAsync("Delegations may still inscribe.");

        // Closing the list is pushed: the display says so, and the connection status keeps its own place.
        await app.Factory.ChangeListAsync(seeded.ListId, (list, now) => list.Close(now));
        await Expect(display.Locator("[data-live=open]")).ToHaveTextAsync("The list is closed: no new inscriptions.");
        await Expect(display.Locator("[data-live=connection]")).ToHaveTextAsync("Live: updates as the list changes");

        // The session is no longer public: once reconnected the hub refuses the list, and the display must not claim to be live.
        await app.Factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var session = await db.Sessions.SingleAsync(s => s.Id == seeded.SessionId);
            session.IsPublished = false;
            await db.SaveChangesAsync();
        });
        IWebSocketRoute live;
        lock (sockets)
        {
            live = Assert.Single(sockets);
        }

        await live.CloseAsync();

        await Expect(display.Locator("[data-live=connection]")).ToHaveTextAsync("Live updates are not available for this list: the display refreshes every few seconds.");
        lock (sockets)
        {
            Assert.True(sockets.Count >= 2, "the display opened a new live connection");
        }
    }
}
