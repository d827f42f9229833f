using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sessions.Core.Sessions;
using Sessions.E2E.Infrastructure;
using Sessions.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sessions.E2E;

/// <summary>
/// The documents of a session in a real browser: the secretariat creates a document from the session's workspace and
/// uploads its six language versions at once, named as UN files are (X_A.pdf … X_S.pdf), and sees all six present.
/// </summary>
public sealed class DocumentsJourneyTests
{
    private static readonly string[] _suffixes = ["A", "C", "E", "F", "R", "S"];

    [ChromiumFact]
    public async Task The_secretariat_uploads_six_language_versions_at_once_by_their_file_names_and_a_reader_in_chinese_downloads_the_chinese_one()
    {
        await using var app = await BrowserApp.StartAsync();
        SetDefaultExpectTimeout(15_000);
        var factory = app.Factory;
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90), configure: s =>
            s.AddAgendaItem("7", "Cooperation with partners."));
        var symbol = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleAsync());

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await app.SignInAsync(page, SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);

        // From the session's workspace to a new document.
        await page.GotoAsync($"/sessions/manage/{sessionId}/dashboard");
        await page.Locator("#session-sections a[data-action=documents]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Documents");
        await page.GetByRole(AriaRole.Link, new() { Name = "New document" }).ClickAsync();
        await page.FillAsync("input[name=Symbol]", $"{symbol}/4/Add.2");
        await page.SelectOptionAsync("select[name=Kind]", "PreSession");
        await page.GetByLabel("7. Cooperation with partners.").CheckAsync();
        await page.FillAsync("textarea[name='Title.En']", "Cooperation with partners");
        await page.FillAsync("#DistributedOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the document" }).ClickAsync();
        await Expect(page.Locator("table[data-role=versions] tr[data-present=false]")).ToHaveCountAsync(6);

        // The six versions at once, their languages read from their names.
        await page.SetInputFilesAsync("input[name=Files]", _suffixes.Select(suffix => new FilePayload
        {
            Name = $"X_{suffix}.pdf",
            MimeType = "application/pdf",
            Buffer = TestPdf.Bytes($"Cooperation with partners ({suffix})"),
        }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Uploaded");
        await Expect(page.Locator("table[data-role=versions] tr[data-present=true]")).ToHaveCountAsync(6);
        await Expect(page.Locator("table[data-role=versions] tr[data-present=false]")).ToHaveCountAsync(0);
        await Expect(page.Locator("table[data-role=versions] [data-role=original]")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "All documents of the session" }).ClickAsync();
        var row = page.Locator($"tr[data-document='{symbol}/4/Add.2']");
        await Expect(row.Locator("td[data-present=true]")).ToHaveCountAsync(6);
        await Expect(row.Locator("td[data-present=false]")).ToHaveCountAsync(0);

        // An anonymous reader in Chinese finds it on the public page and downloads the Chinese version.
        await using var readerContext = await app.NewContextAsync();
        var reader = await readerContext.NewPageAsync();
        reader.SetDefaultTimeout(30_000);
        await reader.GotoAsync($"/sessions/{sessionId}");
        await reader.SelectOptionAsync("#language-switcher", "zh");
        await Expect(reader.Locator("html")).ToHaveAttributeAsync("lang", "zh");
        await reader.ClickAsync("a.session-documents-link");
        var published = reader.Locator("tr.public-document");
        await Expect(published.Locator(".document-title")).ToHaveAttributeAsync("lang", "en");
        var chinese = published.Locator("a.reader-language");
        await Expect(chinese).ToHaveAttributeAsync("hreflang", "zh");
        var download = await reader.RunAndWaitForDownloadAsync(() => chinese.ClickAsync());

        Assert.Equal(symbol.Replace('/', '-') + "-4-Add.2-ZH.pdf", download.SuggestedFilename);
        Assert.Equal(TestPdf.Bytes("Cooperation with partners (C)"), await File.ReadAllBytesAsync(await download.PathAsync()));
    }
}
