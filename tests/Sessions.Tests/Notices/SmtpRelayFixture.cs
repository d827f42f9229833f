using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices;

/// <summary>The app sending to a <see cref="TestSmtpServer"/> on loopback; the server starts before the host. Hangfire runs the jobs.</summary>
public class SmtpRelayFixture : IAsyncLifetime
{
    public TestSmtpServer Relay { get; private set; } = null!;

    public SessionsAppFactory App { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Relay = TestSmtpServer.Start();
        App = CreateApp(Relay.Port);
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Relay.DisposeAsync();
    }

    protected virtual SessionsAppFactory CreateApp(int smtpPort) => new() { SmtpPort = smtpPort };

    /// <summary>Queues one notice per recipient in a single SaveChanges and returns the rows' ids.</summary>
    public async Task<long[]> QueueAsync(params (string Address, string? Name, string Language)[] recipients)
    {
        return await App.InScopeAsync(async sp =>
        {
            var writer = sp.GetRequiredService<NoticeWriter>();
            var rows = recipients.Select(r => writer.Queue(r.Address, r.Name, r.Language, NoticeKinds.AccountPasswordChanged, [])).ToList();
            await sp.GetRequiredService<SessionsDbContext>().SaveChangesAsync();
            return rows.Select(r => r.Id).ToArray();
        });
    }

    /// <summary>One run of the sender, in a scope of its own, as the Hangfire job does it.</summary>
    public Task<int> SendDueAsync() =>
        App.InScopeAsync(sp => sp.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));

    public Task<OutboundEmail> RowAsync(long id) =>
        App.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails.AsNoTracking().SingleAsync(e => e.Id == id));

    public Task<List<OutboundEmail>> RowsAsync(IEnumerable<long> ids)
    {
        var list = ids.ToList();
        return App.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails.AsNoTracking().Where(e => list.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync());
    }

    /// <summary>Changes rows directly, e.g. to make them due or to leave one in Sending as a crash would.</summary>
    public Task UpdateRowsAsync(IEnumerable<long> ids, Action<OutboundEmail> change)
    {
        var list = ids.ToList();
        return App.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            foreach (var row in await db.OutboundEmails.Where(e => list.Contains(e.Id)).ToListAsync())
            {
                change(row);
            }

            await db.SaveChangesAsync();
        });
    }

    /// <summary>Polls (up to 20 s) until every row is in a final state (Sent or Failed) or matches <paramref name="done"/>.</summary>
    public async Task<List<OutboundEmail>> WaitForRowsAsync(IEnumerable<long> ids, Func<OutboundEmail, bool>? done = null)
    {
        done ??= e => e.Status is DeliveryStatus.Sent or DeliveryStatus.Failed;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var rows = await RowsAsync(ids);
            if (rows.All(done))
            {
                return rows;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Rows not done: " + string.Join(", ", rows.Where(r => !done(r)).Select(r => $"{r.Id} {r.Status} attempts={r.Attempts} {r.LastError}")));
            }

            await Task.Delay(50);
        }
    }
}

/// <summary>
/// The same, with no Hangfire server in the host: nothing sends unless the test calls the sender, so
/// the test decides when each run happens and what it sees.
/// </summary>
public sealed class ManualSmtpRelayFixture : SmtpRelayFixture
{
    protected override SessionsAppFactory CreateApp(int smtpPort) => new AppWithoutJobServer { SmtpPort = smtpPort };

    private sealed class AppWithoutJobServer : SessionsAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(RemoveJobServer);
        }
    }

    /// <summary>Takes Hangfire's server out of the host: jobs are queued but never run.</summary>
    public static void RemoveJobServer(IServiceCollection services)
    {
        var hangfire = typeof(BackgroundJobServerOptions).Assembly;
        var aspNetCore = typeof(HangfireServiceCollectionExtensions).Assembly;
        var servers = services.Where(d => d.ServiceType == typeof(IHostedService)
            && (d.ImplementationType?.Assembly == hangfire || d.ImplementationType?.Assembly == aspNetCore
                || d.ImplementationFactory?.Method.DeclaringType?.Assembly == aspNetCore)).ToList();
        if (servers.Count == 0)
        {
            throw new InvalidOperationException("The Hangfire server registration was not found; the manual fixture would not be manual.");
        }

        foreach (var server in servers)
        {
            services.Remove(server);
        }
    }
}
