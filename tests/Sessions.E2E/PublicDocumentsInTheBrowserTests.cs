using Microsoft.Playwright;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Sessions.Tests.Infrastructure.PublicDocumentBuilders;

namespace Sessions.E2E;

/// <summary>An anonymous reader reads a session's documents in their language and downloads their language's version.</summary>
public sealed class PublicDocumentsInTheBrowserTests
{
    [ChromiumFact]
    public async Task An_anonymous_reader_switches_to_chinese_opens_the_documents_and_downloads_the_chinese_version()
    {
        await using var app = await BrowserApp.StartAsync();
        var scenario = await app.Factory.AddPublishedSessionAsync();
        var symbol = await app.Factory.SessionSymbolAsync(scenario.SessionId);
        var chinese = TestPdf.Bytes("Chinese version, not formally edited");
        await app.Factory.AddSessionDocumentAsync(scenario.SessionId, new DocumentSpec("4/Add.2", Title("Cooperation with partners", ("zh", "与伙伴的合作"), ("fr", "Coopération avec les partenaires")))
        {
            AgendaItemIds = [scenario.SecondItemId],
            AdvanceUnedited = true,
            Files = [Pdf("en"), Pdf("fr"), new FileSpec("zh", chinese, "HSP_HA_2_4_Add_2_C.pdf")],
        });
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        SetDefaultExpectTimeout(15_000);

        await page.GotoAsync($"/sessions/{scenario.SessionId}");
        await page.SelectOptionAsync("#language-switcher", "zh");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh");
        await page.ClickAsync("a.session-documents-link");
        await page.WaitForURLAsync($"{app.BaseUrl}/sessions/{scenario.SessionId}/documents");

        await Expect(page.Locator("h1")).ToHaveTextAsync("会议文件");
        var row = page.Locator("tr.public-document");
        await Expect(row.Locator(".document-title")).ToHaveTextAsync("与伙伴的合作");
        await Expect(row.Locator(".document-flag")).ToHaveTextAsync("未经编辑的预发本");
        var reader = row.Locator("a.reader-language");
        await Expect(reader).ToHaveAttributeAsync("hreflang", "zh");
        await Expect(row.Locator(".document-languages a").First).ToHaveAttributeAsync("hreflang", "zh");

        var download = await page.RunAndWaitForDownloadAsync(() => reader.ClickAsync());

        Assert.Equal(symbol.Replace('/', '-') + "-4-Add.2-ZH.pdf", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.Equal(chinese, await File.ReadAllBytesAsync(path));
    }
}
