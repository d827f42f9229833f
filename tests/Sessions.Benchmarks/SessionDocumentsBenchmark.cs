using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
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
using Sessions.Web.Features.Documents.Zip;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Benchmarks;

/// <summary>
/// Issue 18's documents portal: a session with <c>documents</c> distributed documents in the six languages (500 × 6 =
/// 3,000 generated files of 16–112 KiB of random bytes after a PDF header: incompressible, as real PDFs' streams are)
/// and a second session with a tenth of them; the documents ZIP in one language (the page under load is
/// <see cref="PublicDocumentsLoad"/>), each case in a fresh child process so that the peaks never mix: the job as the app runs it
/// (<see cref="RunDocumentZip"/>: the run taken, the files read through the file store, progress saved, the file
/// moved in place) for the small and the large session, and the writer alone with NoCompression against Fastest.
/// </summary>
public static class SessionDocumentsBenchmark
{
    public const string ChildCommand = "documents-case";

    public const string LargeSymbol = "BENCH/DOC.1";
    public const string SmallSymbol = "BENCH/DOC.2";

    private static readonly string[] Cases = ["job-small", "job-large", "writer-large-none", "writer-large-fastest"];

    public static async Task RunAsync(string? dataDirectory, int documents)
    {
        var keep = dataDirectory is not null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "sessions-documents-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var marker = Path.Combine(dataDirectory, "documents-seeded");
            if (!File.Exists(marker))
            {
                await using var seeding = new BenchmarkHost(dataDirectory, jobServer: false);
                var watch = Stopwatch.StartNew();
                await SeedAsync(seeding.Services, LargeSymbol, 1, documents);
                await SeedAsync(seeding.Services, SmallSymbol, 2, Math.Max(1, documents / 10));
                await File.WriteAllTextAsync(marker, documents.ToString(CultureInfo.InvariantCulture));
                Console.WriteLine($"seeded {documents} + {Math.Max(1, documents / 10)} documents × 6 languages in {watch.Elapsed.TotalSeconds:F1} s");
            }


            Console.WriteLine($"documents ZIP in English, {Environment.ProcessorCount} cores, each case in a fresh process (the app's host started first: 'base' is its resident memory before the run)");
            Console.WriteLine($"{"case",-22} {"files",6} {"seconds",8} {"cpu s",7} {"base MiB",9} {"peak MiB",9} {"+MiB",6} {"GC alloc MiB",13} {"zip MiB",8}");
            await ChildCases.RunAsync(ChildCommand, Cases, dataDirectory);
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

    public static async Task<int> RunCaseAsync(string name, string dataDirectory)
    {
        await using var host = new BenchmarkHost(dataDirectory, jobServer: false);
        using var scope = host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SessionsDbContext>();
        var symbol = name.Contains("small", StringComparison.Ordinal) ? SmallSymbol : LargeSymbol;
        var sessionId = await db.Sessions.Where(s => s.Symbol == symbol).Select(s => s.Id).SingleAsync();
        var contents = await DocumentZipContents.ReadAsync(db, sessionId, Languages.English, CancellationToken.None);
        var path = Path.Combine(Path.GetTempPath(), $"documents-{name}-{Environment.ProcessId}.zip");
        int? runId = null;
        if (name.StartsWith("job-", StringComparison.Ordinal))
        {
            // A run as the request records it; any earlier run of this language is gone so that this one is taken.
            await db.DocumentZipRuns.Where(r => r.SessionId == sessionId).ExecuteDeleteAsync();
            var run = new DocumentZipRun(sessionId, Languages.English, contents.Key, DateTime.UtcNow);
            db.DocumentZipRuns.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = process.TotalProcessorTime;
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                await Task.Delay(10);
            }
        });
        var clock = Stopwatch.StartNew();
        long size;
        try
        {
            if (runId is { } id)
            {
                await services.GetRequiredService<RunDocumentZip.Handler>().RunAsync(id, CancellationToken.None);
                var stored = await db.DocumentZipRuns.AsNoTracking().Where(r => r.Id == id).Select(r => r.StoredPath).SingleAsync();
                path = Path.Combine(dataDirectory, stored!);
            }
            else
            {
                var level = name.EndsWith("fastest", StringComparison.Ordinal) ? CompressionLevel.Fastest : CompressionLevel.NoCompression;
                using var english = Cultures.Use(Languages.English);
                await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                await services.GetRequiredService<WriteDocumentZip.Handler>().WriteAsync(
                    new WriteDocumentZip.Session(symbol, "Benchmark session", "Africa/Nairobi", DateTime.UtcNow), Languages.English, contents, file, null, CancellationToken.None, level);
            }

            clock.Stop();
            size = new FileInfo(path).Length;
        }
        finally
        {
            await sampling.CancelAsync();
            await sampler;
            if (runId is null)
            {
                File.Delete(path);
            }
        }

        process.Refresh();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var cpu = process.TotalProcessorTime - cpuBefore;
        const double mib = 1024.0 * 1024.0;
        Console.WriteLine($"{name,-22} {contents.Files,6} {clock.Elapsed.TotalSeconds,8:F2} {cpu.TotalSeconds,7:F2} {baseline / mib,9:F0} {peak / mib,9:F0} {(peak - baseline) / mib,6:F0} {allocated / mib,13:F1} {size / mib,8:F1}");
        return 0;
    }

    private static async Task SeedAsync(IServiceProvider services, string symbol, int number, int documents)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var body = await db.Bodies.SingleOrDefaultAsync(b => b.SymbolPrefix == "BENCH/DOC");
        if (body is null)
        {
            body = new Core.Bodies.Body(TranslatedText.English("Documents benchmark Assembly"), Core.Bodies.BodyKind.Assembly, "BENCH/DOC", 5);
            db.Bodies.Add(body);
            await db.SaveChangesAsync();
        }

        var opens = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        var session = new Session(body.Id, number, symbol, TranslatedText.English($"Documents benchmark session {number}"), TranslatedText.English("Nairobi"), "Africa/Nairobi", opens, opens.AddDays(4));
        for (var i = 1; i <= 12; i++)
        {
            session.AddAgendaItem(i.ToString(CultureInfo.InvariantCulture), TranslatedText.English($"Agenda item number {i} of the documents benchmark session."));
        }

        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        var items = session.AgendaItems.OrderBy(a => a.Sequence).Select(a => a.Id).ToList();
        var random = new Random(18 + number);
        var buffer = new byte[112 * 1024];
        var now = DateTime.UtcNow;
        for (var i = 0; i < documents; i++)
        {
            var item = i % items.Count;
            var title = new TranslatedText($"Report of the Executive Director on item {item + 1}, part {i + 1}", Languages.English);
            title.Translate(Languages.French, $"Rapport de la Directrice exécutive sur le point {item + 1}, partie {i + 1}");
            title.Translate(Languages.Spanish, $"Informe de la Directora Ejecutiva sobre el tema {item + 1}, parte {i + 1}");
            title.Translate(Languages.Russian, $"Доклад Директора-исполнителя по пункту {item + 1}, часть {i + 1}");
            title.Translate(Languages.Arabic, $"تقرير المديرة التنفيذية عن البند {item + 1}، الجزء {i + 1}");
            title.Translate(Languages.Chinese, $"执行主任关于项目 {item + 1} 的报告，第 {i + 1} 部分");
            var kind = (DocumentKind)(1 + (i % 5));
            var document = new SessionDocument(session.Id, symbol, $"{symbol}/{item + 1}/Add.{i + 1}", kind, title, now);
            document.Distribute(opens.AddDays(-42));
            document.IssueUnder([items[item]]);
            foreach (var language in Languages.All)
            {
                var length = (16 + random.Next(97)) * 1024;
                random.NextBytes(buffer.AsSpan(0, length));
                "%PDF-1.7\n"u8.CopyTo(buffer);
                var stored = await store.SaveAsync(new MemoryStream(buffer, 0, length), $"{i + 1}_{language}.pdf", UploadRule.StatementDocument, null);
                db.StoredFiles.Add(stored);
                document.AddFile(language, stored.Id, null, now);
            }

            db.Documents.Add(document);
            if (i % 100 == 99)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
    }
}
