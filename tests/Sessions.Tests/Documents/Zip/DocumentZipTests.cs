using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Attendance;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DocumentZipBuilders;

namespace Sessions.Tests.Documents.Zip;

/// <summary>
/// "Download all documents in my language": the ZIP's contents read back, one run per session and language, the ZIP
/// reused while the documents are unchanged and made again after an upload, and what a stranger cannot reach.
/// </summary>
public sealed class DocumentZipTests(UnlimitedFactory factory) : IClassFixture<UnlimitedFactory>
{
    private static readonly DateOnly Distributed = new(2026, 4, 12);

    [Fact]
    public async Task The_zip_holds_the_current_version_of_every_distributed_document_in_the_language_and_lists_the_missing_ones()
    {
        var sessionId = await NewSessionAsync();
        var symbol = await factory.SessionSymbolAsync(sessionId);
        var first = TestPdf.Bytes("report, Chinese, first version");
        var current = TestPdf.Bytes("report, Chinese, corrected");
        var word = TestPdf.WordDocument();
        var english = TestPdf.Bytes("report, English");
        await factory.AddDocumentAsync(sessionId, $"{symbol}/4/Add.2", "Cooperation with partners", Distributed, (Languages.English, english), (Languages.Chinese, first), (Languages.Chinese, current));
        await factory.AddDocumentAsync(sessionId, $"{symbol}/1", "Provisional agenda", Distributed, (Languages.Chinese, word));
        await factory.AddDocumentAsync(sessionId, $"{symbol}/INF/1", "List of participants", Distributed, (Languages.English, TestPdf.Bytes("participants")));
        await factory.AddDocumentAsync(sessionId, $"{symbol}/L.1", "Draft resolution still in preparation", distributedOn: null, (Languages.Chinese, TestPdf.Bytes("draft")));
        var client = factory.CreateBrowser("zh");

        var (zip, fileName) = await client.DownloadZipAsync(factory, sessionId, Languages.Chinese);

        var stem = symbol.Replace('/', '-');
        Assert.Equal($"{stem}-documents-ZH.zip", fileName);
        Assert.Equal(
            ["README.txt", $"{stem}-1-ZH.docx", $"{stem}-4-Add.2-ZH.pdf"],
            zip.Entries.Select(e => e.FullName).ToArray());
        Assert.Equal(current, zip.ReadEntry(DocumentFileNames.Of($"{symbol}/4/Add.2", Languages.Chinese, "application/pdf")));
        Assert.Equal(word, zip.ReadEntry($"{stem}-1-ZH.docx"));
        var readme = Encoding.UTF8.GetString(zip.ReadEntry("README.txt"));
        Assert.Contains("以下文件尚无此语文版本（1）：", readme, StringComparison.Ordinal);
        Assert.Contains($"- {symbol}/INF/1 — List of participants\r\n", readme, StringComparison.Ordinal);
        Assert.Contains("本 ZIP 中的文件数：2。", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("L.1", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("Add.2", readme, StringComparison.Ordinal);
        var run = Assert.Single(await factory.ZipRunsAsync(sessionId));
        Assert.Equal((ReportRunStatus.Ready, 2, 2, 1), (run.Status, run.FilesExpected, run.FilesDone, run.FilesMissing));
    }

    [Fact]
    public async Task When_every_document_is_in_the_language_the_readme_says_so()
    {
        var sessionId = await NewSessionAsync();
        var symbol = await factory.SessionSymbolAsync(sessionId);
        await factory.AddDocumentAsync(sessionId, $"{symbol}/1", "Provisional agenda", Distributed, (Languages.French, TestPdf.Bytes("ordre du jour")));

        var (zip, _) = await factory.CreateBrowser("fr").DownloadZipAsync(factory, sessionId, Languages.French);

        Assert.Contains("Chaque document distribué a une version dans cette langue.", Encoding.UTF8.GetString(zip.ReadEntry("README.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_says_what_must_be_done_then_offers_the_ready_zip()
    {
        var sessionId = await NewSessionAsync();
        var symbol = await factory.SessionSymbolAsync(sessionId);
        await factory.AddDocumentAsync(sessionId, $"{symbol}/1", "Provisional agenda", Distributed, (Languages.Arabic, TestPdf.Bytes("agenda")));
        await factory.AddDocumentAsync(sessionId, $"{symbol}/2", "Annotated agenda", Distributed, (Languages.English, TestPdf.Bytes("annotated")));
        var client = factory.CreateBrowser("ar");

        var before = await client.GetStringAsync(ZipUrl(sessionId, Languages.Arabic));
        await client.PrepareZipAndWaitAsync(sessionId, Languages.Arabic);
        var after = await client.GetStringAsync(ZipUrl(sessionId, Languages.Arabic));

        Assert.Contains("data-state=\"ToPrepare\"", before, StringComparison.Ordinal);
        Assert.Contains("data-action=\"prepare-zip\"", before, StringComparison.Ordinal);
        Assert.Contains("الوثائق الموزعة: 2. المتاح منها باللغة العربية: 1.", before, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Ready\"", after, StringComparison.Ordinal);
        var run = Assert.Single(await factory.ZipRunsAsync(sessionId));
        Assert.Contains($"href=\"/sessions/{sessionId}/documents/zip/{run.Id}/file\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"prepare-zip\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_requests_at_once_make_one_run()
    {
        var sessionId = await SessionWithOneDocumentAsync();
        var client = factory.CreateBrowser();
        var url = ZipUrl(sessionId, Languages.English);
        var token = await client.GetAntiforgeryTokenAsync(url);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))));
        var state = await client.WaitForZipAsync(sessionId, Languages.English);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(await factory.ZipRunsAsync(sessionId));
        Assert.Equal("Ready", state.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_request_while_a_run_is_under_way_joins_it()
    {
        var sessionId = await SessionWithOneDocumentAsync();
        var runId = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var run = new DocumentZipRun(sessionId, Languages.English, "an earlier state", DateTime.UtcNow);
            db.DocumentZipRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        var client = factory.CreateBrowser();

        var page = await client.GetStringAsync(ZipUrl(sessionId, Languages.English));
        var asked = await client.PostAsync(ZipUrl(sessionId, Languages.English), new FormUrlEncodedContent([new("__RequestVerificationToken", await AnyTokenAsync(client, sessionId))]));

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal([runId], (await factory.ZipRunsAsync(sessionId)).Select(r => r.Id));
        Assert.Contains("data-state=\"Preparing\"", page, StringComparison.Ordinal);
        Assert.Contains("data-role=\"zip-progress\"", page, StringComparison.Ordinal);
        Assert.Contains("0 of 1 files", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"prepare-zip\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_one_run_of_a_session_and_language_can_be_active_at_once()
    {
        var sessionId = await SessionWithOneDocumentAsync();

        await AddQueuedRunAsync(sessionId, Languages.English);
        await AddQueuedRunAsync(sessionId, Languages.French);

        await Assert.ThrowsAsync<DbUpdateException>(() => AddQueuedRunAsync(sessionId, Languages.English));
    }

    [Fact]
    public async Task A_second_language_makes_a_second_run()
    {
        var sessionId = await SessionWithOneDocumentAsync();
        var client = factory.CreateBrowser();

        await client.PrepareZipAndWaitAsync(sessionId, Languages.English);
        await client.PrepareZipAndWaitAsync(sessionId, Languages.Russian);

        var runs = await factory.ZipRunsAsync(sessionId);
        Assert.Equal([Languages.English, Languages.Russian], runs.Select(r => r.Language));
        Assert.All(runs, r => Assert.Equal(ReportRunStatus.Ready, r.Status));
    }

    [Fact]
    public async Task An_up_to_date_zip_is_reused_and_a_new_upload_makes_it_stale()
    {
        var sessionId = await NewSessionAsync();
        var symbol = await factory.SessionSymbolAsync(sessionId);
        var documentId = await factory.AddDocumentAsync(sessionId, $"{symbol}/1", "Provisional agenda", Distributed, (Languages.Spanish, TestPdf.Bytes("programa")));
        var client = factory.CreateBrowser("es");
        await client.PrepareZipAndWaitAsync(sessionId, Languages.Spanish);
        var first = Assert.Single(await factory.ZipRunsAsync(sessionId));

        await client.PrepareZipAndWaitAsync(sessionId, Languages.Spanish);
        var reused = Assert.Single(await factory.ZipRunsAsync(sessionId));
        var corrected = TestPdf.Bytes("programa corregido");
        await factory.AddFileAsync(documentId, Languages.Spanish, corrected);
        var stale = await client.GetStringAsync(ZipUrl(sessionId, Languages.Spanish));
        var (zip, _) = await client.DownloadZipAsync(factory, sessionId, Languages.Spanish);

        Assert.Equal(first.Id, reused.Id);
        Assert.Contains("data-state=\"ToPrepare\"", stale, StringComparison.Ordinal);
        Assert.Contains("Los documentos han cambiado desde que se preparó el último archivo ZIP.", stale, StringComparison.Ordinal);
        Assert.Equal(corrected, zip.ReadEntry($"{symbol.Replace('/', '-')}-1-ES.pdf"));
        var newest = Assert.Single(await factory.ZipRunsAsync(sessionId));
        Assert.NotEqual(first.Id, newest.Id);
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, first.StoredPath!)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sessions/{sessionId}/documents/zip/{first.Id}/file")).StatusCode);
    }

    [Fact]
    public async Task Distributing_a_document_makes_the_zip_stale()
    {
        var sessionId = await SessionWithOneDocumentAsync();
        var symbol = await factory.SessionSymbolAsync(sessionId);
        var client = factory.CreateBrowser();
        await client.PrepareZipAndWaitAsync(sessionId, Languages.English);
        var draftId = await factory.AddDocumentAsync(sessionId, $"{symbol}/2", "Annotated agenda", distributedOn: null, (Languages.English, TestPdf.Bytes("annotated")));
        var withDraft = await client.GetStringAsync(ZipUrl(sessionId, Languages.English));

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            (await db.Documents.SingleAsync(d => d.Id == draftId)).Distribute(Distributed);
            await db.SaveChangesAsync();
        });
        var distributed = await client.GetStringAsync(ZipUrl(sessionId, Languages.English));

        Assert.Contains("data-state=\"Ready\"", withDraft, StringComparison.Ordinal);
        Assert.Contains("data-state=\"ToPrepare\"", distributed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unpublished_session_has_no_zip()
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, new DateOnly(2026, 6, 5), published: false);
        var symbol = await factory.SessionSymbolAsync(sessionId);
        await factory.AddDocumentAsync(sessionId, $"{symbol}/1", "Provisional agenda", Distributed, (Languages.English, TestPdf.Bytes("agenda")));
        var client = factory.CreateBrowser();
        var token = await AnyTokenAsync(client, await SessionWithOneDocumentAsync());

        var page = await client.GetAsync(ZipUrl(sessionId, Languages.English));
        var progress = await client.GetAsync($"/sessions/{sessionId}/documents/zip/progress?language=en");
        var asked = await client.PostAsync(ZipUrl(sessionId, Languages.English), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, progress.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asked.StatusCode);
        Assert.Empty(await factory.ZipRunsAsync(sessionId));
    }

    [Fact]
    public async Task A_zip_of_a_session_unpublished_since_is_no_longer_served()
    {
        var sessionId = await SessionWithOneDocumentAsync();
        var client = factory.CreateBrowser();
        await client.PrepareZipAndWaitAsync(sessionId, Languages.English);
        var run = Assert.Single(await factory.ZipRunsAsync(sessionId));

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            (await db.Sessions.SingleAsync(s => s.Id == sessionId)).IsPublished = false;
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sessions/{sessionId}/documents/zip/{run.Id}/file")).StatusCode);
    }

    [Fact]
    public async Task A_run_of_another_session_is_not_served_under_this_one()
    {
        var sessionId = await SessionWithOneDocumentAsync();
        var otherId = await SessionWithOneDocumentAsync();
        var client = factory.CreateBrowser();
        await client.PrepareZipAndWaitAsync(otherId, Languages.English);
        var run = Assert.Single(await factory.ZipRunsAsync(otherId));

        var response = await client.GetAsync($"/sessions/{sessionId}/documents/zip/{run.Id}/file");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("english")]
    [InlineData("../en")]
    public async Task A_language_that_is_not_one_of_the_six_is_refused_with_a_message(string language)
    {
        var sessionId = await SessionWithOneDocumentAsync();
        var client = factory.CreateBrowser("fr");

        var page = await client.GetAsync($"/sessions/{sessionId}/documents/zip?language={Uri.EscapeDataString(language)}");
        var asked = await client.PostAsync($"/sessions/{sessionId}/documents/zip?language={Uri.EscapeDataString(language)}", new FormUrlEncodedContent([new("__RequestVerificationToken", await AnyTokenAsync(client, sessionId))]));

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Il n&#x27;existe pas de fichier ZIP de documents dans cette langue.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        Assert.Empty(await factory.ZipRunsAsync(sessionId));
    }

    [Fact]
    public async Task Without_a_language_the_page_is_about_the_readers_language()
    {
        var sessionId = await SessionWithOneDocumentAsync();

        var page = await factory.CreateBrowser("ru").GetStringAsync($"/sessions/{sessionId}/documents/zip");

        Assert.Contains("ZIP-файл на языке: Русский", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/sessions/{sessionId}/documents/zip?language=ru\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_without_distributed_documents_offers_nothing_to_prepare()
    {
        var sessionId = await NewSessionAsync();
        var symbol = await factory.SessionSymbolAsync(sessionId);
        await factory.AddDocumentAsync(sessionId, $"{symbol}/1", "Draft agenda", distributedOn: null, (Languages.English, TestPdf.Bytes("draft")));

        var page = await factory.CreateBrowser().GetStringAsync(ZipUrl(sessionId, Languages.English));

        Assert.Contains("data-state=\"NothingToZip\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"prepare-zip\"", page, StringComparison.Ordinal);
    }

    private async Task<int> NewSessionAsync() => await factory.AddSessionAsync(await factory.AddBodyAsync(), new DateOnly(2026, 6, 5));

    private async Task<int> SessionWithOneDocumentAsync()
    {
        var sessionId = await NewSessionAsync();
        var symbol = await factory.SessionSymbolAsync(sessionId);
        await factory.AddDocumentAsync(sessionId, $"{symbol}/1", "Provisional agenda", Distributed, (Languages.English, TestPdf.Bytes("agenda")));
        return sessionId;
    }

    /// <summary>An antiforgery token from a page with the form (a session with a document and no ZIP yet, in any language).</summary>
    private static async Task<string> AnyTokenAsync(HttpClient client, int sessionId) =>
        await client.GetAntiforgeryTokenAsync(ZipUrl(sessionId, Languages.Chinese));

    private Task AddQueuedRunAsync(int sessionId, string language) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.DocumentZipRuns.Add(new DocumentZipRun(sessionId, language, "key", DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
}

/// <summary>The ZIP request's rate limit: a client address asking again and again is told to wait.</summary>
public sealed class DocumentZipRateLimitTests(DocumentZipRateLimitTests.LimitedFactory factory) : IClassFixture<DocumentZipRateLimitTests.LimitedFactory>
{
    public sealed class LimitedFactory : SessionsAppFactory
    {
        public LimitedFactory() => Settings["Security:DocumentZipPermitsPerMinute"] = "2";
    }

    [Fact]
    public async Task A_client_asking_for_zips_again_and_again_is_told_to_wait()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), new DateOnly(2026, 6, 5));
        var symbol = await factory.SessionSymbolAsync(sessionId);
        await factory.AddDocumentAsync(sessionId, $"{symbol}/1", "Provisional agenda", new DateOnly(2026, 4, 12), (Languages.English, TestPdf.Bytes("agenda")));
        var client = factory.CreateBrowser();
        var token = await client.GetAntiforgeryTokenAsync(ZipUrl(sessionId, Languages.English));

        var answers = new List<HttpStatusCode>();
        foreach (var language in new[] { Languages.English, Languages.French, Languages.Arabic })
        {
            answers.Add((await client.PostAsync(ZipUrl(sessionId, language), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(2, (await factory.ZipRunsAsync(sessionId)).Count);
    }
}
