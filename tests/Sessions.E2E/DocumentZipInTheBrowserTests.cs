using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Documents.Zip;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E;

/// <summary>The documents ZIP page in the browser: its script follows a run under way and shows the ZIP once ready.</summary>
public sealed class DocumentZipInTheBrowserTests
{
    [ChromiumFact]
    public async Task A_reader_in_chinese_watches_the_zip_being_prepared_and_downloads_it()
    {
        await using var app = await BrowserApp.StartAsync();
        var sessionId = await app.Factory.AddSessionAsync(await app.Factory.AddBodyAsync(), new DateOnly(2031, 6, 2));
        var symbol = await app.Factory.SessionSymbolAsync(sessionId);
        await app.Factory.AddDocumentAsync(sessionId, $"{symbol}/4/Add.2", "Cooperation with partners", new DateOnly(2031, 4, 12), (Languages.Chinese, TestPdf.Bytes("合作")));
        // A run under way, as a reader's request records it; its job is played by the test once the page is open.
        var runId = await app.Factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var run = new DocumentZipRun(sessionId, Languages.Chinese, "", DateTime.UtcNow);
            db.DocumentZipRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        await using var context = await app.NewContextAsync("zh-CN");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        SetDefaultExpectTimeout(15_000);

        await page.GotoAsync(DocumentZipBuilders.ZipUrl(sessionId, Languages.Chinese));
        await Expect(page.Locator("#document-zip")).ToHaveAttributeAsync("data-state", "Preparing");
        await Expect(page.Locator("[data-role=zip-progress-text]")).ToHaveTextAsync("0/1 个文件");
        await app.Factory.InScopeAsync(sp => sp.GetRequiredService<RunDocumentZip.Handler>().RunAsync(runId, CancellationToken.None));

        // The script sees the run finished and loads the page again: the link is there.
        await Expect(page.Locator("#document-zip")).ToHaveAttributeAsync("data-state", "Ready");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-action=download-zip]"));

        Assert.Equal($"{symbol.Replace('/', '-')}-documents-ZH.zip", download.SuggestedFilename);
    }
}
