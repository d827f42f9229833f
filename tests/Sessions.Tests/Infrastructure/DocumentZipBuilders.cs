using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Files;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// Session documents written straight to the model (the upload screens are another part's), their files through the
/// app's <see cref="IFileStore"/>; and the round trip of asking for a documents ZIP and waiting for its run.
/// </summary>
public static class DocumentZipBuilders
{
    /// <summary>The app with the ZIP request's rate limit raised, so that a test class's requests never meet it.</summary>
    public sealed class UnlimitedFactory : SessionsAppFactory
    {
        public UnlimitedFactory() => Settings["Security:DocumentZipPermitsPerMinute"] = "10000";
    }

    public static Task<string> SessionSymbolAsync(this SessionsAppFactory factory, int sessionId) =>
        factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleAsync());

    /// <summary>A document of the session (distributed unless <paramref name="distributedOn"/> is null: a draft) with one file per (language, bytes) given, in that order (a second file in a language is its next revision).</summary>
    public static Task<int> AddDocumentAsync(this SessionsAppFactory factory, int sessionId, string symbol, string title, DateOnly? distributedOn, params (string Language, byte[] Bytes)[] files) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var store = sp.GetRequiredService<IFileStore>();
            var sessionSymbol = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleAsync();
            var document = new SessionDocument(sessionId, sessionSymbol, symbol, DocumentKind.PreSession, TranslatedText.English(title), DateTime.UtcNow);
            document.Distribute(distributedOn);
            foreach (var (language, bytes) in files)
            {
                var stored = await store.SaveAsync(new MemoryStream(bytes), $"upload_{language}.pdf", UploadRule.StatementDocument, null);
                db.StoredFiles.Add(stored);
                document.AddFile(language, stored.Id, null, DateTime.UtcNow);
            }

            db.Documents.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        });

    /// <summary>Uploads a new version of a document in a language (the next revision).</summary>
    public static Task AddFileAsync(this SessionsAppFactory factory, int documentId, string language, byte[] bytes) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var document = await db.Documents.Include(d => d.Files).SingleAsync(d => d.Id == documentId);
            var stored = await sp.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream(bytes), $"upload_{language}.pdf", UploadRule.StatementDocument, null);
            db.StoredFiles.Add(stored);
            document.AddFile(language, stored.Id, null, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

    public static string ZipUrl(int sessionId, string language) => $"/sessions/{sessionId}/documents/zip?language={language}";

    public static Task<List<DocumentZipRun>> ZipRunsAsync(this SessionsAppFactory factory, int sessionId, string? language = null) =>
        factory.WithDbAsync(db => db.DocumentZipRuns.AsNoTracking().Where(r => r.SessionId == sessionId && (language == null || r.Language == language)).OrderBy(r => r.Id).ToListAsync());

    /// <summary>Presses "Prepare the ZIP" (the page's form, antiforgery token and all) and waits for the run to finish.</summary>
    public static async Task<JsonElement> PrepareZipAndWaitAsync(this HttpClient client, int sessionId, string language)
    {
        var url = ZipUrl(sessionId, language);
        var asked = await client.PostFormAsync(url, new { }, url);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        return await client.WaitForZipAsync(sessionId, language);
    }

    /// <summary>Polls the progress answer until the run is no longer under way (a deadline of two minutes, never a timing assert).</summary>
    public static async Task<JsonElement> WaitForZipAsync(this HttpClient client, int sessionId, string language)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var state = JsonDocument.Parse(await client.GetStringAsync($"/sessions/{sessionId}/documents/zip/progress?language={language}")).RootElement;
            if (state.GetProperty("finished").GetBoolean())
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, "The ZIP's run did not finish within two minutes.");
            await Task.Delay(100);
        }
    }

    /// <summary>Prepares the ZIP, downloads it from the page's link and opens it; with the download's file name.</summary>
    public static async Task<(ZipArchive Zip, string FileName)> DownloadZipAsync(this HttpClient client, SessionsAppFactory factory, int sessionId, string language)
    {
        var state = await client.PrepareZipAndWaitAsync(sessionId, language);
        Assert.Equal("Ready", state.GetProperty("state").GetString());
        var run = (await factory.ZipRunsAsync(sessionId, language)).Last();
        var response = await client.GetAsync($"/sessions/{sessionId}/documents/zip/{run.Id}/file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read), response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
    }

    public static byte[] ReadEntry(this ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"No entry {name} in the ZIP: {string.Join(", ", zip.Entries.Select(e => e.FullName))}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
