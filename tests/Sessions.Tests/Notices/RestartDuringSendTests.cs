using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Email;
using Xunit.Abstractions;

namespace Sessions.Tests.Notices;

/// <summary>
/// The reliability test of issue 4: a notice to a few hundred recipients, the host stopped in the middle of the
/// send, a new host on the same data directory. Nobody is left out, and a message is sent twice only if it was
/// in flight at the stop: at most one per sender running then.
/// </summary>
public sealed class RestartDuringSendTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 300;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sessions-tests", "restart-" + Guid.NewGuid().ToString("N"));
    private TestSmtpServer _relay = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        // Slow enough (30 ms a message) that the stop lands while messages are going out.
        _relay = TestSmtpServer.Start();
        _relay.AcceptDelay = TimeSpan.FromMilliseconds(30);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _relay.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }

    [Fact]
    public async Task A_host_stopped_mid_send_and_started_again_delivers_to_everyone_with_duplicates_only_for_messages_in_flight()
    {
        var addresses = Enumerable.Range(0, Recipients).Select(i => $"restart{i:D3}-{Guid.NewGuid():N}@example.org").ToList();

        int sendersAtStop;
        int receivedAtStop;
        await using (var first = new SharedDataAppFactory(_dataDirectory) { SmtpPort = _relay.Port })
        {
            await QueueFreeFormNoticeAsync(first, addresses);

            await WaitUntilAsync(() => _relay.Messages.Count >= Recipients / 5, "a fifth of the notice to go out before the stop");
            // Each Hangfire worker runs at most one sender, and a sender has at most one message on the wire.
            sendersAtStop = first.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Sum(s => s.WorkersCount);
        }

        receivedAtStop = _relay.Messages.Count;
        Assert.True(receivedAtStop < Recipients, $"The stop came too late: all {receivedAtStop} messages were already out.");

        await using (var second = new SharedDataAppFactory(_dataDirectory) { SmtpPort = _relay.Port })
        {
            _ = second.Server;
            await WaitUntilAsync(() => addresses.All(a => _relay.MessagesTo(a).Count > 0), "every recipient to receive the notice after the restart");
            var rows = await second.WithDbAsync(db => db.OutboundEmails.AsNoTracking().Where(e => e.Kind == NoticeKinds.FreeForm.Key).ToListAsync());
            await WaitUntilAsync(async () => (await second.WithDbAsync(db => db.OutboundEmails.CountAsync(e => e.Kind == NoticeKinds.FreeForm.Key && e.Status != DeliveryStatus.Sent))) == 0, "every row to be recorded Sent");
            Assert.Equal(Recipients, rows.Count);
        }

        var perAddress = addresses.ToDictionary(a => a, a => _relay.MessagesTo(a).Count);
        Assert.All(perAddress, p => Assert.True(p.Value >= 1, $"{p.Key} received nothing."));
        var duplicates = perAddress.Values.Sum() - Recipients;
        output.WriteLine($"{receivedAtStop} of {Recipients} had arrived at the stop; {duplicates} duplicates after the restart; {sendersAtStop} senders at most.");
        Assert.True(sendersAtStop >= 1);
        Assert.True(duplicates <= sendersAtStop, $"{duplicates} duplicates, but at most {sendersAtStop} messages can be in flight ({sendersAtStop} senders, one message each); {receivedAtStop} had arrived at the stop.");
    }

    /// <summary>The notice as a bulk send writes it: rendered rows, one prepared INSERT, inside a transaction.</summary>
    private static async Task QueueFreeFormNoticeAsync(SessionsAppFactory app, IReadOnlyList<string> addresses)
    {
        var bodyId = await app.AddBodyAsync(prefix: BodyAndSessionBuilders.UniquePrefix());
        var sessionId = await app.AddSessionAsync(bodyId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var writer = sp.GetRequiredService<NoticeWriter>();
            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
            var values = NoticeValues.ForSession(session, $"http://localhost/sessions/{sessionId}").With(new NoticeValues { { "OrganisationName", "Test Organisation" } });
            await using var transaction = await db.Database.BeginTransactionAsync();
            await writer.InsertManyAsync(addresses.Select((a, i) => writer.Render(a, $"Recipient {i}", i % 2 == 0 ? "en" : "fr", NoticeKinds.FreeForm, values)), CancellationToken.None);
            await transaction.CommitAsync();
        });
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 60 s for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
