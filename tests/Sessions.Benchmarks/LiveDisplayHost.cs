using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;

namespace Sessions.Benchmarks;

/// <summary>
/// The app on a real Kestrel port on loopback over a fresh data directory holding one session with one speakers
/// list of <c>speakers</c> delegations (a few have spoken, one has the floor with the timer running), for the
/// live display benchmarks. It also serves the baseline: <see cref="BaselineController"/>, a plain MVC action that
/// reads the same rows as the display and answers them as JSON, through the same middleware, with no view.
/// </summary>
public sealed class LiveDisplayHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private LiveDisplayHost(string dataDirectory, WebApplicationFactory<Program> factory)
    {
        DataDirectory = dataDirectory;
        _factory = factory;
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public int ListId { get; private set; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<LiveDisplayHost> StartAsync(int speakers)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sessions-live-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var factory = new BenchmarkHost(dataDirectory, jobServer: false).WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddControllers().AddApplicationPart(typeof(BaselineController).Assembly)));
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var host = new LiveDisplayHost(dataDirectory, factory)
        {
            BaseAddress = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        };
        host.ListId = await SeedAsync(factory.Services, speakers);
        return host;
    }

    private static async Task<int> SeedAsync(IServiceProvider services, int speakers)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var now = DateTime.UtcNow;
        var body = new Core.Bodies.Body(TranslatedText.English("Benchmark Assembly"), Core.Bodies.BodyKind.Assembly, "BENCH/HA", 5);
        db.Bodies.Add(body);
        await db.SaveChangesAsync();
        var session = new Session(body.Id, 1, "BENCH/HA.1", TranslatedText.English("Live display benchmark session"), TranslatedText.English("Nairobi"), "Africa/Nairobi", DateOnly.FromDateTime(now), DateOnly.FromDateTime(now).AddDays(4));
        var item = session.AddAgendaItem("3", TranslatedText.English("General debate"));
        db.Sessions.Add(session);
        var organisations = Enumerable.Range(1, speakers).Select(i =>
        {
            var organisation = new Organisation($"Member State number {i}", Languages.English, OrganisationCategory.MemberState) { CreatedAt = now };
            organisation.SetTranslatedName(Languages.French, $"État membre numéro {i}");
            organisation.SetTranslatedName(Languages.Arabic, $"الدولة العضو رقم {i}");
            return organisation;
        }).ToList();
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync();

        var delegations = organisations.Select((o, i) => new Delegation(session.Id, o.Id, i % 4 == 0 ? Capacity.ObserverState : Capacity.Member, "benchmark", now)).ToList();
        db.Delegations.AddRange(delegations);
        await db.SaveChangesAsync();

        var list = new SpeakersList(session.Id, item.Id, null, now.AddHours(-3));
        var levels = Enum.GetValues<LevelOfRepresentation>();
        for (var i = 0; i < delegations.Count; i++)
        {
            list.Inscribe(new InscriptionRequest(delegations[i].Id, delegations[i].Capacity, InscriptionKind.Statement, levels[i % levels.Length]), now.AddHours(-2).AddSeconds(i));
        }

        db.SpeakersLists.Add(list);
        await db.SaveChangesAsync();

        // Twenty have spoken; the next has the floor with the timer running.
        for (var i = 0; i < 20; i++)
        {
            var speaker = list.CallNext(now.AddMinutes(-60 + (i * 3)));
            list.StartTimer(speaker.Id, now.AddMinutes(-60 + (i * 3)));
            list.FinishSpeaking(speaker.Id, now.AddMinutes(-58 + (i * 3)));
        }

        var current = list.CallNext(now);
        list.StartTimer(current.Id, now);
        await db.SaveChangesAsync();
        return list.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// The baselines of the live display benchmark, answered with no view and no ordering: the rows a first read of the
/// display reads (header, the list's entries, the names shown), and the one small query a read costs while the
/// list's version stands (what most reads of the display cost).
/// </summary>
[AllowAnonymous]
public sealed class BaselineController(SessionsDbContext db) : Controller
{
    [HttpGet("benchmark/speakers/{listId:int}/version")]
    public async Task<IActionResult> Version(int listId)
    {
        var probe = await db.SpeakersLists.AsNoTracking().Where(l => l.Id == listId)
            .Join(db.Sessions, l => l.SessionId, s => s.Id, (l, s) => new { l.Version, l.SessionId, s.IsPublished })
            .SingleOrDefaultAsync();
        return probe is null ? NotFound() : Json(probe);
    }

    [HttpGet("benchmark/speakers/{listId:int}/rows")]
    public async Task<IActionResult> Rows(int listId)
    {
        var header = await (
                from l in db.SpeakersLists
                join s in db.Sessions on l.SessionId equals s.Id
                join a in db.AgendaItems on l.AgendaItemId equals a.Id
                where l.Id == listId
                select new { s.Symbol, s.Title, a.Number, ItemTitle = a.Title })
            .AsNoTracking()
            .SingleOrDefaultAsync();
        var list = await db.SpeakersLists.AsNoTracking().Include(l => l.Inscriptions).SingleOrDefaultAsync(l => l.Id == listId);
        if (header is null || list is null)
        {
            return NotFound();
        }

        var rows = list.Inscriptions.Select(i => new { i.Id, i.DelegationId, i.Status, i.Kind, i.Capacity, i.CalledAt }).ToList();
        var firstIds = rows.Take(9).Select(r => r.DelegationId).ToList();
        var names = await db.Delegations.AsNoTracking().Where(d => firstIds.Contains(d.Id))
            .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new { d.Id, o.Name })
            .ToListAsync();
        return Json(new { header, rows = rows.Count, names });
    }
}
