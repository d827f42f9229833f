using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sessions.Tests.Infrastructure;

namespace Sessions.E2E.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port on 127.0.0.1 over a temporary data directory, and Debian's
/// Chromium driven by Playwright. Browsers are never downloaded: the system Chromium is used.
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    private IPlaywright? _playwright;

    private BrowserApp(SessionsAppFactory factory)
    {
        Factory = factory;
    }

    public SessionsAppFactory Factory { get; }

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>
    /// With <paramref name="clocked"/>, the app's "now" is a <see cref="ClockedAppFactory"/>'s clock the test moves;
    /// <paramref name="browserArgs"/> are added to Chromium's command line (a fake camera, for example).
    /// </summary>
    public static async Task<BrowserApp> StartAsync(bool seedDemo = false, bool clocked = false, IReadOnlyList<string>? browserArgs = null)
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath))
        {
            throw new InvalidOperationException(ChromiumFactAttribute.MissingMessage);
        }

        // The browser opens 127.0.0.1: the public address names that host, the one requests may carry.
        var factory = clocked
            ? new ClockedAppFactory { SeedDemo = seedDemo, PublicUrl = "http://127.0.0.1" }
            : new SessionsAppFactory { SeedDemo = seedDemo, PublicUrl = "http://127.0.0.1" };
        var app = new BrowserApp(factory);
        try
        {
            factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            factory.StartServer();
            var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            app.BaseUrl = addresses.First().TrimEnd('/');

            app._playwright = await Playwright.CreateAsync();
            app.Browser = await app._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumFactAttribute.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", .. browserArgs ?? []],
            });
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh browser profile (cookies, language) whose relative URLs go to the app.</summary>
    public Task<IBrowserContext> NewContextAsync(string locale = "en-GB") =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

    /// <summary>Signs in through the sign-in page, as a person does, and waits for the home page.</summary>
    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("main button[type=submit]");
        // The first sign-in of a fresh host (password hashing, views compiled on first use) can take long on a
        // 2-core machine running the other test project at the same time: a wrong password still fails, later.
        await page.WaitForURLAsync(BaseUrl + "/", new PageWaitForURLOptions { Timeout = 90_000 });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
