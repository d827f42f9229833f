using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Files;
using Sessions.Core.Sessions;

namespace Sessions.Benchmarks;

/// <summary>
/// The public documents page of a session with <c>documents</c> distributed documents, each in the six languages (one
/// stored file per language version, its title translated into three), over 12 agenda items (a tenth of the documents
/// under two), under <c>clients</c> anonymous closed-loop clients reading it in the six languages: the whole list, a
/// search, a language filter, and a document's page. The data directory is kept when given, so a second run reuses the seed.
/// </summary>
public static class PublicDocumentsLoad
{
    private const string SessionSymbol = "BENCH/HA.8";

    public static async Task RunAsync(string? dataDirectory, int documents, int clients, int requests, int rounds)
    {
        var keep = dataDirectory is not null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "sessions-documents-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var seeded = File.Exists(Path.Combine(dataDirectory, "documents-seeded"));
            if (!seeded)
            {
                await using var seeding = StartHost(dataDirectory, out _);
                var watch = Stopwatch.StartNew();
                await SeedAsync(seeding.Services, documents);
                await File.WriteAllTextAsync(Path.Combine(dataDirectory, "documents-seeded"), documents.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Console.WriteLine($"seeded {documents} documents × 6 languages in {watch.Elapsed.TotalSeconds:F1} s");
            }

            await using var host = StartHost(dataDirectory, out var baseAddress);
            var (sessionId, documentIds) = await FindAsync(host.Services);
            var driver = new LoadDriver(baseAddress, clients, requests, TimeSpan.FromSeconds(30));
            var pool = Enumerable.Range(0, clients).Select(i =>
            {
                var client = driver.NewClient();
                client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(Languages.All[i % Languages.All.Count]);
                return client;
            }).ToList();

            var cold = Stopwatch.StartNew();
            using (var first = await pool[0].GetAsync($"/sessions/{sessionId}/documents"))
            {
                await first.Content.ReadAsByteArrayAsync();
                Console.WriteLine($"public-documents: first (cold) request of /sessions/{{id}}/documents: {cold.Elapsed.TotalMilliseconds:F0} ms, {(int)first.StatusCode}");
            }

            Console.WriteLine($"public-documents: {documentIds.Count} documents, {clients} clients, {requests} requests per scenario, {rounds} rounds, {Environment.ProcessorCount} cores");
            var random = new Random(7);
            var documentOf = Enumerable.Range(0, 100_000).Select(_ => documentIds[random.Next(documentIds.Count)]).ToArray();
            var scenarios = new (string Name, Func<int, string> Url)[]
            {
                ("list /sessions/{id}/documents", _ => $"/sessions/{sessionId}/documents"),
                ("search /sessions/{id}/documents?q=n", i => $"/sessions/{sessionId}/documents?q={documentOf[i % documentOf.Length] % 97}"),
                ("language /sessions/{id}/documents?language=zh&kind=PreSession", _ => $"/sessions/{sessionId}/documents?language=zh&kind=PreSession"),
                ("document /sessions/{id}/documents/{documentId}", i => $"/sessions/{sessionId}/documents/{documentOf[i % documentOf.Length]}"),
            };
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var (name, url) in scenarios)
                {
                    Console.WriteLine($"  round {round}: {await driver.RunAsync(name, pool, url, warmUp: 100)}");
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!keep)
            {
                try
                {
                    Directory.Delete(dataDirectory, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static BenchmarkHost StartHost(string dataDirectory, out Uri baseAddress)
    {
        var factory = new BenchmarkHost(dataDirectory, jobServer: false);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        baseAddress = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return factory;
    }

    private static async Task<(int SessionId, List<int> DocumentIds)> FindAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var sessionId = await db.Sessions.Where(s => s.Symbol == SessionSymbol).Select(s => s.Id).SingleAsync();
        var ids = await db.Documents.Where(d => d.SessionId == sessionId).Select(d => d.Id).ToListAsync();
        return (sessionId, ids);
    }

    private static async Task SeedAsync(IServiceProvider services, int documents)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTime.UtcNow;
        var body = new Core.Bodies.Body(TranslatedText.English("Documents benchmark Assembly"), Core.Bodies.BodyKind.Assembly, "BENCH/HA", 5);
        db.Bodies.Add(body);
        await db.SaveChangesAsync();
        var session = new Session(body.Id, 8, SessionSymbol, TranslatedText.English("Documents benchmark session"), TranslatedText.English("Nairobi"), "Africa/Nairobi", DateOnly.FromDateTime(now).AddDays(60), DateOnly.FromDateTime(now).AddDays(64));
        for (var i = 1; i <= 12; i++)
        {
            session.AddAgendaItem(i.ToString(System.Globalization.CultureInfo.InvariantCulture), TranslatedText.English($"Agenda item number {i} of the benchmark session."));
        }

        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        var items = session.AgendaItems.OrderBy(a => a.Sequence).Select(a => a.Id).ToList();
        DocumentKind[] kinds = [DocumentKind.PreSession, DocumentKind.PreSession, DocumentKind.PreSession, DocumentKind.Information, DocumentKind.InSession, DocumentKind.Report];
        for (var i = 1; i <= documents; i++)
        {
            var title = new TranslatedText($"Report number {i} of the Executive Director on the work of the programme", Languages.English);
            title.Translate(Languages.French, $"Rapport numéro {i} de la Directrice exécutive sur les travaux du programme");
            title.Translate(Languages.Chinese, $"执行主任关于方案工作的第 {i} 号报告");
            title.Translate(Languages.Russian, $"Доклад № {i} Директора-исполнителя о работе программы");
            var document = new SessionDocument(session.Id, SessionSymbol, $"{SessionSymbol}/{i}", kinds[i % kinds.Length], title, now)
            {
                AdvanceUnedited = i % 7 == 0,
            };
            document.Distribute(DateOnly.FromDateTime(now));
            document.IssueUnder(i % 10 == 0 ? [items[i % 12], items[(i + 1) % 12]] : [items[i % 12]]);
            foreach (var language in Languages.All)
            {
                var file = await store.SaveAsync(new MemoryStream(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {SessionSymbol}/{i} {language}\n%%EOF\n")), $"{i}_{language}.pdf", UploadRule.Pdf, null);
                db.StoredFiles.Add(file);
                document.AddFile(language, file.Id, null, now);
            }

            db.Documents.Add(document);
            if (i % 100 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
    }
}
