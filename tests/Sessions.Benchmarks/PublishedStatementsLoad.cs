using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;

namespace Sessions.Benchmarks;

/// <summary>
/// The public statements page of a session with <c>statements</c> issued written statements (a fifth of them joint,
/// with three co-sponsors, and two supporters), under <c>clients</c> anonymous closed-loop clients on loopback reading
/// its pages in the six languages; the issued document page too. First the cold request: the first read of the page
/// by a host just started over the data directory (run it again with the same --data-dir for a first request in a fresh
/// process). The data directory is kept when given, so a second run reuses the seed.
/// </summary>
public static class PublishedStatementsLoad
{
    private const string SessionSymbol = "BENCH/HA.9";

    public static async Task RunAsync(string? dataDirectory, int statements, int clients, int requests, int rounds)
    {
        var keep = dataDirectory is not null;
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "sessions-statements-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var seeded = File.Exists(Path.Combine(dataDirectory, "statements-seeded"));
            if (!seeded)
            {
                await using var seeding = StartHost(dataDirectory, out _);
                var watch = Stopwatch.StartNew();
                await SeedAsync(seeding.Services, statements);
                await File.WriteAllTextAsync(Path.Combine(dataDirectory, "statements-seeded"), statements.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Console.WriteLine($"seeded {statements} issued statements in {watch.Elapsed.TotalSeconds:F1} s");
            }

            await using var host = StartHost(dataDirectory, out var baseAddress);
            var (sessionId, documentIds) = await FindAsync(host.Services);
            var driver = new LoadDriver(baseAddress, clients, requests, TimeSpan.FromSeconds(30));
            var languages = Languages.All;
            var pool = Enumerable.Range(0, clients).Select(i =>
            {
                var client = driver.NewClient();
                client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(languages[i % languages.Count]);
                return client;
            }).ToList();

            var cold = Stopwatch.StartNew();
            using (var first = await pool[0].GetAsync($"/sessions/{sessionId}/statements"))
            {
                await first.Content.ReadAsByteArrayAsync();
                Console.WriteLine($"published-statements: first (cold) request of /sessions/{{id}}/statements on a host just started{(seeded ? " (seed reused)" : "")}: {cold.Elapsed.TotalMilliseconds:F0} ms, {(int)first.StatusCode}");
            }

            var pages = (documentIds.Count + 49) / 50;
            Console.WriteLine($"published-statements: {documentIds.Count} issued statements ({pages} pages of 50), {clients} clients, {requests} requests per scenario, {rounds} rounds, {Environment.ProcessorCount} cores");
            var random = new Random(11);
            var pageOf = Enumerable.Range(0, 100_000).Select(_ => 1 + random.Next(pages)).ToArray();
            var documentOf = Enumerable.Range(0, 100_000).Select(_ => documentIds[random.Next(documentIds.Count)]).ToArray();
            var scenarios = new (string Name, Func<int, string> Url)[]
            {
                ("list /sessions/{id}/statements?page=n", i => $"/sessions/{sessionId}/statements?page={pageOf[i % pageOf.Length]}"),
                ("list, first page /sessions/{id}/statements", _ => $"/sessions/{sessionId}/statements"),
                ("document /statements/issued/{id}", i => $"/statements/issued/{documentOf[i % documentOf.Length]}"),
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
        var ids = await db.WrittenStatements.Where(w => w.SessionId == sessionId && w.Status == StatementStatus.Issued).Select(w => w.Id).ToListAsync();
        return (sessionId, ids);
    }

    private static async Task SeedAsync(IServiceProvider services, int statements)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = DateTime.UtcNow;
        var body = new Core.Bodies.Body(TranslatedText.English("Statements benchmark Assembly"), Core.Bodies.BodyKind.Assembly, "BENCH/HA", 5);
        db.Bodies.Add(body);
        await db.SaveChangesAsync();
        var session = new Session(body.Id, 9, SessionSymbol, TranslatedText.English("Written statements benchmark session"), TranslatedText.English("Nairobi"), "Africa/Nairobi", DateOnly.FromDateTime(now).AddDays(60), DateOnly.FromDateTime(now).AddDays(64));
        for (var i = 1; i <= 12; i++)
        {
            session.AddAgendaItem(i.ToString(System.Globalization.CultureInfo.InvariantCulture), TranslatedText.English($"Agenda item number {i} of the benchmark session."));
        }

        db.Sessions.Add(session);
        var organisations = Enumerable.Range(1, 400).Select(i =>
        {
            var organisation = new Organisation($"Benchmark organisation number {i}", Languages.English, i % 4 == 0 ? OrganisationCategory.IntergovernmentalOrganisation : OrganisationCategory.MemberState) { CreatedAt = now };
            organisation.SetTranslatedName(Languages.French, $"Organisation de référence numéro {i}");
            organisation.SetTranslatedName(Languages.Arabic, $"المنظمة المرجعية رقم {i}");
            organisation.SetTranslatedName(Languages.Chinese, $"基准组织第 {i} 号");
            return organisation;
        }).ToList();
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync();

        var letter = await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(new MemoryStream("%PDF-1.4\n% Benchmark letter\n%%EOF\n"u8.ToArray()), "letter.pdf", UploadRule.Pdf, null);
        db.StoredFiles.Add(letter);
        await db.SaveChangesAsync();
        var delegations = organisations.Select(o => new Delegation(session.Id, o.Id, o.Category == OrganisationCategory.MemberState ? Capacity.Member : Capacity.IntergovernmentalOrganisation, "benchmark", now)).ToList();
        foreach (var delegation in delegations)
        {
            delegation.AttachLetter(letter.Id);
            delegation.Nominate(new ParticipantDetails("", "Given", "Family", ParticipantFunction.HeadOfDelegation, $"d{Guid.NewGuid():N}@bench.sessions", Languages.English, true), ParticipantStatus.Nominated, now);
            delegation.Submit(now);
            delegation.Approve("benchmark", now);
        }

        db.Delegations.AddRange(delegations);
        await db.SaveChangesAsync();

        var rules = StatementRules.ForSession(session.Id);
        var items = session.AgendaItems.OrderBy(a => a.Sequence).Select(a => a.Id).ToList();
        var numbers = new Dictionary<string, int>();
        var text = string.Join("\n\n", Enumerable.Range(1, 12).Select(p => string.Join(' ', Enumerable.Repeat("Cities need adequate housing for all and we call on States to act.", 8))));
        for (var i = 0; i < statements; i++)
        {
            var delegation = delegations[i % delegations.Count];
            var tier = delegation.Capacity == Capacity.Member ? StatementTier.State : StatementTier.IntergovernmentalOrganisation;
            (int, StatementTier)[] coSponsors = i % 5 == 0
                ? [.. Enumerable.Range(1, 3).Select(k => delegations[(i + (k * 7)) % delegations.Count]).Where(d => d.Id != delegation.Id)
                    .Select(d => (d.OrganisationId, d.Capacity == Capacity.Member ? StatementTier.State : StatementTier.IntergovernmentalOrganisation))]
                : [];
            string[] supporters = i % 5 == 0 ? ["Neighbourhood forum", "Residents' association"] : [];
            var statement = WrittenStatement.Submit(
                new StatementSubmission(session.Id, items[i % items.Count], delegation, tier, $"Written statement number {i + 1} on the agenda item", Languages.All[i % 6], StatementFormat.Text, null, text, 1000, coSponsors, supporters, "benchmark"),
                rules,
                session,
                now);
            foreach (var (organisationId, _) in coSponsors)
            {
                statement.Answer(organisationId, true, "benchmark", now);
            }

            var series = StatementSymbols.Series(rules.SeriesPatternFor(delegation.Capacity), session.Symbol);
            numbers[series] = numbers.GetValueOrDefault(series) + 1;
            statement.Issue(series, numbers[series], DateOnly.FromDateTime(session.ToLocal(now)), "benchmark", now);
            db.WrittenStatements.Add(statement);
            if (i % 500 == 499)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
    }
}
