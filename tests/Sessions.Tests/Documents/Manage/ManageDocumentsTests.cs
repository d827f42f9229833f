using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Files;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Documents.Manage;

/// <summary>The secretariat's documents of a session: creating and editing them, their language versions, and who may see them.</summary>
public sealed partial class ManageDocumentsTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static readonly string[] _six = ["ar", "zh", "en", "fr", "ru", "es"];

    [GeneratedRegex(@"<tr data-document=""(?<symbol>[^""]+)""")]
    private static partial Regex ListedDocument();

    private sealed record Seeded(int SessionId, string Symbol, int ItemSeven, int ItemEight)
    {
        public string Documents => $"/sessions/manage/{SessionId}/documents";
    }

    private async Task<Seeded> SeedAsync()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), new DateOnly(2031, 6, 5), configure: session =>
        {
            session.AddAgendaItem("7", "Cooperation with partners.");
            session.AddAgendaItem("8", "Other matters.");
        });
        return await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var symbol = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleAsync();
            var items = await db.AgendaItems.Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync();
            return new Seeded(sessionId, symbol, items[0], items[1]);
        });
    }

    private async Task<HttpClient> SecretariatAsync()
    {
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private static List<KeyValuePair<string, string>> DocumentFields(string symbol, params int[] agendaItems)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Symbol", symbol),
            new("Kind", nameof(DocumentKind.PreSession)),
            new("Title.OriginalLanguage", "en"),
            new("Title.En", "Cooperation with partners"),
            new("Title.Fr", "Coopération avec les partenaires"),
            new("DistributedOn", ""),
        };
        fields.AddRange(agendaItems.Select(id => KeyValuePair.Create("AgendaItemIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return fields;
    }

    private static async Task<Guid> VersionOnAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        return Guid.Parse(Regex.Match(html, @"name=""Version"" value=""([^""]+)""").Groups[1].Value);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Seeded seeded, int documentId, string? language, params MultipartForms.Upload[] files) =>
        client.PostFilesAsync($"{seeded.Documents}/{documentId}/files", language is null ? [] : [KeyValuePair.Create("Language", language)], files, $"{seeded.Documents}/{documentId}");

    private static MultipartForms.Upload Pdf(string name) => new("Files", name, TestPdf.Bytes(name));

    private Task<int> StoredFilesAsync() =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().StoredFiles.CountAsync());

    private int FilesOnDisk() =>
        Directory.Exists(Path.Combine(factory.DataDirectory, "files")) ? Directory.GetFiles(Path.Combine(factory.DataDirectory, "files"), "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task The_secretariat_creates_a_draft_document_under_the_session_symbol_and_finds_it_in_the_list()
    {
        var seeded = await SeedAsync();
        var client = await SecretariatAsync();

        var response = await client.PostFormAsync($"{seeded.Documents}/new", DocumentFields($"{seeded.Symbol}/4/Add.2", seeded.ItemSeven, seeded.ItemEight), $"{seeded.Documents}/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var documentId = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var saved = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Documents.AsNoTracking().Include(d => d.AgendaItems).SingleAsync(d => d.Id == documentId));
        Assert.Equal($"{seeded.Symbol}/4/Add.2", saved.Symbol);
        Assert.True(saved.IsDraft);
        Assert.Equal("en", saved.OriginalLanguage);
        Assert.Equal("Coopération avec les partenaires", saved.Title.Written("fr"));
        Assert.Equal([seeded.ItemSeven, seeded.ItemEight], saved.AgendaItems.Select(a => a.AgendaItemId).Order());

        var list = await client.GetStringAsync(seeded.Documents);
        Assert.Contains($"data-document=\"{seeded.Symbol}/4/Add.2\"", list);
        Assert.Contains("data-role=\"draft\"", list);
        Assert.Contains("7, 8", list);
        var french = factory.CreateBrowser("fr");
        await french.SignInAsAsync(factory, Roles.Secretariat);
        Assert.Contains("Coopération avec les partenaires", WebUtility.HtmlDecode(await french.GetStringAsync(seeded.Documents)));
    }

    [Fact]
    public async Task A_symbol_outside_the_session_prefix_is_refused_on_its_field_with_what_was_typed_kept()
    {
        var seeded = await SeedAsync();
        var client = await SecretariatAsync();

        var response = await client.PostFormAsync($"{seeded.Documents}/new", DocumentFields("HSP/OEWG.1/4", seeded.ItemSeven), $"{seeded.Documents}/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"A document symbol of this session starts with {seeded.Symbol}/", html);
        Assert.Matches(@"id=""Symbol""[^>]*aria-invalid=""true""|aria-invalid=""true""[^>]*id=""Symbol""", html);
        Assert.Contains("value=\"HSP/OEWG.1/4\"", html);
        Assert.Contains("Coopération avec les partenaires", html);
        Assert.Equal(0, await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Documents.CountAsync(d => d.SessionId == seeded.SessionId)));
    }

    [Fact]
    public async Task A_taken_symbol_is_refused_on_its_field()
    {
        var seeded = await SeedAsync();
        await factory.AddDocumentAsync(seeded.SessionId, "1");
        var client = await SecretariatAsync();

        var response = await client.PostFormAsync($"{seeded.Documents}/new", DocumentFields($"{seeded.Symbol}/1"), $"{seeded.Documents}/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"The symbol {seeded.Symbol}/1 is already used by another document.", html);
        Assert.Matches(@"id=""Symbol""[^>]*aria-invalid=""true""|aria-invalid=""true""[^>]*id=""Symbol""", html);
    }

    [Fact]
    public async Task An_agenda_item_of_another_session_is_refused()
    {
        var seeded = await SeedAsync();
        var other = await SeedAsync();
        var client = await SecretariatAsync();

        var response = await client.PostFormAsync($"{seeded.Documents}/new", DocumentFields($"{seeded.Symbol}/2", other.ItemSeven), $"{seeded.Documents}/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose agenda items of this session.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Two_people_editing_the_same_document_the_second_is_told_it_changed_meanwhile()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "3");
        var client = await SecretariatAsync();
        var page = $"{seeded.Documents}/{documentId}";
        var version = await VersionOnAsync(client, page);

        var first = await client.PostFormAsync(page, [.. DocumentFields($"{seeded.Symbol}/3").Where(f => f.Key != "DistributedOn"), new("Version", version.ToString()), new("DistributedOn", "2031-04-12")], page);
        var second = await client.PostFormAsync(page, [.. DocumentFields($"{seeded.Symbol}/3/Rev.1"), new("Version", version.ToString())], page);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else changed this record while you were editing it.", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()));
        var saved = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Documents.AsNoTracking().SingleAsync(d => d.Id == documentId));
        Assert.Equal($"{seeded.Symbol}/3", saved.Symbol);
        Assert.Equal(new DateOnly(2031, 4, 12), saved.DistributedOn);
    }

    [Fact]
    public async Task Six_files_named_by_their_language_go_in_at_once_and_the_matrix_shows_all_six()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "4/Add.2");
        var client = await SecretariatAsync();

        var response = await UploadAsync(client, seeded, documentId, null, Pdf("X_A.pdf"), Pdf("X_C.pdf"), Pdf("X_E.pdf"), Pdf("X_F.pdf"), Pdf("X_R.pdf"), Pdf("X_S.pdf"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(_six.Order().Select(l => (l, 1)), await factory.DocumentFilesAsync(documentId));
        var page = await client.GetStringAsync($"{seeded.Documents}/{documentId}");
        Assert.DoesNotContain("data-present=\"false\"", page);
        Assert.Contains("data-role=\"original\"", page);
        var list = await client.GetStringAsync(seeded.Documents);
        Assert.Equal(6, Regex.Matches(list, "data-present=\"true\"").Count);
    }

    [Fact]
    public async Task A_replaced_version_adds_the_next_revision_and_the_earlier_one_stays_downloadable()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "5", languages: ["en"]);
        var client = await SecretariatAsync();

        var response = await UploadAsync(client, seeded, documentId, "en", new MultipartForms.Upload("Files", "corrected.pdf", TestPdf.Bytes("corrected")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([("en", 1), ("en", 2)], await factory.DocumentFilesAsync(documentId));
        var page = await client.GetStringAsync($"{seeded.Documents}/{documentId}");
        var links = Regex.Matches(page, $@"href=""({Regex.Escape(seeded.Documents)}/{documentId}/files/\d+)""").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, links.Count);
        Assert.Contains("Earlier revision 1", page);
        foreach (var link in links)
        {
            var download = await client.GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(DocumentFileNames.Of($"{seeded.Symbol}/5", "en", "application/pdf"), download.Content.Headers.ContentDisposition.FileNameStar);
        }

        Assert.Contains("corrected", Encoding.ASCII.GetString(await client.GetByteArrayAsync(links[0])));
        Assert.Contains("5 en", Encoding.ASCII.GetString(await client.GetByteArrayAsync(links[1])));
    }

    [Fact]
    public async Task A_real_Word_document_is_accepted_as_a_language_version()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "6");
        var client = await SecretariatAsync();

        var response = await UploadAsync(client, seeded, documentId, null, new MultipartForms.Upload("Files", "HSP-HA.2-6_F.docx", StatementDocumentBuilders.Docx("Coopération"), "application/octet-stream"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([("fr", 1)], await factory.DocumentFilesAsync(documentId));
    }

    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "X_F.pdf", [0x4D, 0x5A, 0x90, 0x00, .. new byte[200]], "The file is not a Word (DOCX) or PDF document." },
        { "X_F.pdf", [], "The file is empty." },
        { "X_F.docx", StatementDocumentBuilders.Zip([("readme.txt", "not a Word document"u8.ToArray())]), "The file is not a Word (DOCX) or PDF document." },
        { "X_F.docx", TestPdf.WordDocument(), "The document could not be read." },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task A_wrong_file_is_refused_with_its_name_and_none_of_the_same_upload_is_kept(string name, byte[] bytes, string reason)
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "7", languages: ["ar"]);
        var client = await SecretariatAsync();
        var storedBefore = await StoredFilesAsync();
        var onDiskBefore = FilesOnDisk();

        var response = await UploadAsync(client, seeded, documentId, null, Pdf("X_E.pdf"), new MultipartForms.Upload("Files", name, bytes, "application/pdf"), Pdf("X_S.pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"{name} was refused: {reason}", html);
        Assert.Contains("None of the files of this upload were kept", html);
        Assert.Equal([("ar", 1)], await factory.DocumentFilesAsync(documentId));
        Assert.Equal(storedBefore, await StoredFilesAsync());
        Assert.Equal(onDiskBefore, FilesOnDisk());
    }

    [Fact]
    public async Task A_file_whose_name_carries_no_language_is_refused_with_its_name_and_nothing_is_kept()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "8");
        var client = await SecretariatAsync();
        var onDiskBefore = FilesOnDisk();

        var response = await UploadAsync(client, seeded, documentId, null, Pdf("X_E.pdf"), Pdf("HSP-HA.2-8.pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The name of HSP-HA.2-8.pdf does not say its language", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Empty(await factory.DocumentFilesAsync(documentId));
        Assert.Equal(onDiskBefore, FilesOnDisk());
    }

    [Fact]
    public async Task Two_files_in_the_same_language_in_one_upload_are_refused()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "9");
        var client = await SecretariatAsync();

        var response = await UploadAsync(client, seeded, documentId, null, Pdf("X_E.pdf"), Pdf("Y-E.pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("X_E.pdf, Y-E.pdf are all in the same language", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Empty(await factory.DocumentFilesAsync(documentId));
    }

    [Fact]
    public async Task A_file_larger_than_fifty_megabytes_is_refused_before_it_is_stored()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "10");
        var client = await SecretariatAsync();
        var onDiskBefore = FilesOnDisk();
        var tooLarge = new byte[UploadRule.SessionDocument.MaxBytes + 1];
        "%PDF-1.4\n"u8.CopyTo(tooLarge);

        var response = await UploadAsync(client, seeded, documentId, "en", new MultipartForms.Upload("Files", "big.pdf", tooLarge));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("big.pdf was refused: The file is larger than 50 MB.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Empty(await factory.DocumentFilesAsync(documentId));
        Assert.Equal(onDiskBefore, FilesOnDisk());
    }

    [Fact]
    public async Task A_request_larger_than_six_versions_is_turned_back_to_the_page_before_it_is_read()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "19");
        var client = await SecretariatAsync();
        using var content = new StreamContent(new MemoryStream(new byte[16]));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data") { Parameters = { new("boundary", "x") } };
        content.Headers.ContentLength = Web.Features.Documents.Manage.UploadDocumentFiles.MaxRequestBytes + 1;

        var response = await client.PostAsync($"{seeded.Documents}/{documentId}/files", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{seeded.Documents}/{documentId}?upload=too-large", response.Headers.Location!.OriginalString);
        Assert.Contains("The files are larger than 301 MB together.", WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location.OriginalString)));
    }

    [Fact]
    public async Task An_upload_with_no_file_or_several_files_for_one_chosen_language_is_refused()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "11");
        var client = await SecretariatAsync();

        var none = await UploadAsync(client, seeded, documentId, null);
        var several = await UploadAsync(client, seeded, documentId, "en", Pdf("a.pdf"), Pdf("b.pdf"));

        Assert.Contains("Choose the file or files to upload.", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()));
        Assert.Contains("Choose one file when you choose its language", WebUtility.HtmlDecode(await several.Content.ReadAsStringAsync()));
        Assert.Empty(await factory.DocumentFilesAsync(documentId));
    }

    [Fact]
    public async Task The_same_language_version_uploaded_twice_at_once_one_wins_and_the_other_is_told()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "12", languages: ["en"]);
        var reading = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        // The second upload has read the document (English at revision 1) and is reading its file when the first is saved.
        using var second = factory.Services.CreateScope();
        var late = second.ServiceProvider.GetRequiredService<Web.Features.Documents.Manage.UploadDocumentFiles.Handler>()
            .HandleAsync(seeded.SessionId, documentId, new() { Language = "en", Files = [new GatedFile("late_E.pdf", TestPdf.Bytes("late"), reading, release)] }, null);
        await reading.Task;
        using (var first = factory.Services.CreateScope())
        {
            await first.ServiceProvider.GetRequiredService<Web.Features.Documents.Manage.UploadDocumentFiles.Handler>()
                .HandleAsync(seeded.SessionId, documentId, new() { Language = "en", Files = [new GatedFile("first_E.pdf", TestPdf.Bytes("first"), null, null)] }, null);
        }

        release.SetResult();
        var refusal = await Assert.ThrowsAsync<Core.Common.DomainException>(() => late);

        Assert.Equal(Web.Features.Documents.Manage.UploadDocumentFiles.TakenMeanwhile, refusal.Message);
        Assert.Equal([("en", 1), ("en", 2)], await factory.DocumentFilesAsync(documentId));
        var names = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().DocumentFiles.Where(f => f.DocumentId == documentId && f.Revision == 2).Select(f => f.StoredFile!.OriginalName).ToListAsync());
        Assert.Equal(["first_E.pdf"], names);
    }

    [Fact]
    public async Task The_missing_language_filter_lists_the_documents_that_lack_a_version()
    {
        var seeded = await SeedAsync();
        await factory.AddDocumentAsync(seeded.SessionId, "13", languages: _six);
        await factory.AddDocumentAsync(seeded.SessionId, "14", languages: ["en", "fr"]);
        await factory.AddDocumentAsync(seeded.SessionId, "15", kind: DocumentKind.Information, languages: ["en", "zh", "fr", "ar", "es"]);
        var client = await SecretariatAsync();

        string[] Listed(string html) => ListedDocument().Matches(html).Select(m => m.Groups["symbol"].Value).ToArray();

        Assert.Equal([$"{seeded.Symbol}/13", $"{seeded.Symbol}/14", $"{seeded.Symbol}/15"], Listed(await client.GetStringAsync(seeded.Documents)).Order());
        Assert.Equal([$"{seeded.Symbol}/14", $"{seeded.Symbol}/15"], Listed(await client.GetStringAsync($"{seeded.Documents}?missing=any")).Order());
        Assert.Equal([$"{seeded.Symbol}/14"], Listed(await client.GetStringAsync($"{seeded.Documents}?missing=zh")));
        Assert.Equal([$"{seeded.Symbol}/14", $"{seeded.Symbol}/15"], Listed(await client.GetStringAsync($"{seeded.Documents}?missing=ru")).Order());
        Assert.Equal([$"{seeded.Symbol}/14"], Listed(await client.GetStringAsync($"{seeded.Documents}?missing=any&kind=PreSession")));

        var matrix = await client.GetStringAsync($"{seeded.Documents}?missing=zh");
        Assert.Equal(["ar", "zh", "ru", "es"], Regex.Matches(matrix, @"data-language=""(\w\w)"" data-present=""false""").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task A_draft_is_deleted_with_its_files_only_once_confirmed()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "16", languages: ["en", "fr"]);
        var client = await SecretariatAsync();
        var page = $"{seeded.Documents}/{documentId}";
        var version = await VersionOnAsync(client, page);
        var onDisk = FilesOnDisk();

        var asked = await client.PostFormAsync($"{page}/delete", new { version }, page);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains($"Delete the draft document {seeded.Symbol}/16?", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync()));
        Assert.Equal(2, (await factory.DocumentFilesAsync(documentId)).Count);

        var deleted = await client.PostConfirmedFormAsync($"{page}/delete", new { version }, page);

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Documents.AnyAsync(d => d.Id == documentId)));
        Assert.Equal(onDisk - 2, FilesOnDisk());
    }

    [Fact]
    public async Task A_distributed_document_is_not_deleted()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "17", distributedOn: new DateOnly(2031, 4, 12), languages: ["en"]);
        var client = await SecretariatAsync();
        var page = $"{seeded.Documents}/{documentId}";
        Assert.DoesNotContain($"{page}/delete", await client.GetStringAsync(page));

        await client.PostConfirmedFormAsync($"{page}/delete", new { version = await VersionOnAsync(client, page) }, page);

        Assert.True(await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Documents.AnyAsync(d => d.Id == documentId)));
    }

    [Fact]
    public async Task Only_the_secretariat_reaches_the_documents_pages_and_files()
    {
        var seeded = await SeedAsync();
        var documentId = await factory.AddDocumentAsync(seeded.SessionId, "18", languages: ["en"]);
        var fileId = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().DocumentFiles.Where(f => f.DocumentId == documentId).Select(f => f.Id).SingleAsync());
        string[] urls = [seeded.Documents, $"{seeded.Documents}/new", $"{seeded.Documents}/{documentId}", $"{seeded.Documents}/{documentId}/files/{fileId}"];

        var focalPoint = factory.CreateBrowser("en");
        await focalPoint.SignInAsAsync(factory, Roles.FocalPoint);
        var anonymous = factory.CreateBrowser("en");
        foreach (var url in urls)
        {
            await focalPoint.AssertForbiddenAsync(url);
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var secretariat = await SecretariatAsync();
        var other = await SeedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync($"{other.Documents}/{documentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync($"{other.Documents}/{documentId}/files/{fileId}")).StatusCode);
    }

    /// <summary>An uploaded file whose reading waits for the test's signal, and tells when it has started.</summary>
    private sealed class GatedFile(string name, byte[] bytes, TaskCompletionSource? reading, TaskCompletionSource? release) : IFormFile
    {
        public string ContentType => "application/pdf";
        public string ContentDisposition => $"form-data; name=\"Files\"; filename=\"{name}\"";
        public IHeaderDictionary Headers { get; } = new HeaderDictionary();
        public long Length => bytes.Length;
        public string Name => "Files";
        public string FileName => name;

        public Stream OpenReadStream() => new GatedStream(bytes, reading, release);

        public void CopyTo(Stream target) => target.Write(bytes);

        public Task CopyToAsync(Stream target, CancellationToken cancellationToken = default) => target.WriteAsync(bytes, cancellationToken).AsTask();
    }

    private sealed class GatedStream(byte[] bytes, TaskCompletionSource? reading, TaskCompletionSource? release) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            reading?.TrySetResult();
            if (release is not null)
            {
                await release.Task;
            }

            return await base.ReadAsync(buffer, cancellationToken);
        }
    }
}
