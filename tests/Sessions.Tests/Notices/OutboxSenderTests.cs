using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices;

/// <summary>
/// The sender against a real SMTP server on loopback, with no Hangfire server in the host: each test
/// runs the sender itself, so what it asserts does not depend on when a background job happens to run.
/// Every test leaves its rows Sent or Failed (or with a lease still running) so the next one starts clean.
/// </summary>
public sealed class OutboxSenderTests(ManualSmtpRelayFixture fixture) : IClassFixture<ManualSmtpRelayFixture>
{
    private static string NewAddress(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.org";

    private static (string, string?, string)[] InEnglish(IEnumerable<string> addresses) => addresses.Select(a => (a, (string?)null, "en")).ToArray();

    [Fact]
    public async Task A_batch_goes_out_over_one_smtp_connection()
    {
        var addresses = Enumerable.Range(0, 20).Select(i => NewAddress($"batch{i}")).ToList();
        var ids = await fixture.QueueAsync(InEnglish(addresses));
        var connectionsBefore = fixture.Relay.ConnectionCount;

        await fixture.SendDueAsync();

        Assert.Equal(connectionsBefore + 1, fixture.Relay.ConnectionCount);
        var messages = addresses.Select(a => Assert.Single(fixture.Relay.MessagesTo(a))).ToList();
        Assert.Single(messages.Select(m => m.Connection).Distinct());
        Assert.All(await fixture.RowsAsync(ids), r => Assert.Equal(DeliveryStatus.Sent, r.Status));
    }

    [Fact]
    public async Task A_550_fails_only_that_row_at_once_and_the_rest_of_the_batch_is_sent()
    {
        var (first, refused, last) = (NewAddress("first"), NewAddress("refused"), NewAddress("last"));
        fixture.Relay.RefuseRecipient(refused, permanent: true);
        var ids = await fixture.QueueAsync(InEnglish([first, refused, last]));

        await fixture.SendDueAsync();

        var rows = await fixture.RowsAsync(ids);
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Failed, DeliveryStatus.Sent], rows.Select(r => r.Status));
        Assert.Equal(1, rows[1].Attempts);
        Assert.Contains("550", rows[1].LastError);
        Assert.Null(rows[1].MessageId);
        Assert.Single(fixture.Relay.MessagesTo(first));
        Assert.Single(fixture.Relay.MessagesTo(last));
        Assert.Empty(fixture.Relay.MessagesTo(refused));

        // Even when due again, a failed row is not retried: the next run has nothing to send and opens no connection.
        await fixture.UpdateRowsAsync([ids[1]], r => r.NextAttemptAt = DateTime.UtcNow.AddMinutes(-1));
        var connections = fixture.Relay.ConnectionCount;
        Assert.Equal(0, await fixture.SendDueAsync());
        Assert.Equal(connections, fixture.Relay.ConnectionCount);
        Assert.Equal(1, (await fixture.RowAsync(ids[1])).Attempts);
    }

    [Fact]
    public async Task A_451_leaves_that_row_pending_for_a_later_attempt_and_the_rest_is_sent()
    {
        var (busy, other) = (NewAddress("busy"), NewAddress("other"));
        fixture.Relay.RefuseRecipient(busy, permanent: false);
        var ids = await fixture.QueueAsync(InEnglish([busy, other]));
        var before = DateTime.UtcNow;

        await fixture.SendDueAsync();

        var rows = await fixture.RowsAsync(ids);
        Assert.Equal(DeliveryStatus.Pending, rows[0].Status);
        Assert.Equal(1, rows[0].Attempts);
        Assert.Contains("451", rows[0].LastError);
        Assert.InRange(rows[0].NextAttemptAt, before + OutboxSender.Backoff(1), DateTime.UtcNow + OutboxSender.Backoff(1));
        Assert.Equal(DeliveryStatus.Sent, rows[1].Status);

        fixture.Relay.AcceptRecipient(busy);
        await fixture.UpdateRowsAsync([ids[0]], r => r.NextAttemptAt = DateTime.UtcNow.AddSeconds(-1));
        await fixture.SendDueAsync();
        var row = await fixture.RowAsync(ids[0]);
        Assert.Equal(DeliveryStatus.Sent, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Single(fixture.Relay.MessagesTo(busy));
    }

    [Fact]
    public async Task When_the_relay_is_down_rows_wait_with_backoff_and_go_out_once_when_it_is_back()
    {
        var addresses = new[] { NewAddress("down1"), NewAddress("down2"), NewAddress("down3") };
        long[] ids;
        await fixture.Relay.StopAsync();
        try
        {
            ids = await fixture.QueueAsync(InEnglish(addresses));
            var before = DateTime.UtcNow;

            Assert.Equal(0, await fixture.SendDueAsync());

            var rows = await fixture.RowsAsync(ids);
            Assert.All(rows, r =>
            {
                Assert.Equal(DeliveryStatus.Pending, r.Status);
                Assert.Equal(1, r.Attempts);
                Assert.Null(r.LeaseUntil);
                Assert.Contains("not reachable", r.LastError);
                Assert.InRange(r.NextAttemptAt, before + OutboxSender.Backoff(1), DateTime.UtcNow + OutboxSender.Backoff(1));
            });

            // Not due yet: a run right away leaves them alone.
            Assert.Equal(0, await fixture.SendDueAsync());
            Assert.All(await fixture.RowsAsync(ids), r => Assert.Equal(1, r.Attempts));
        }
        finally
        {
            fixture.Relay.Restart();
        }

        await fixture.UpdateRowsAsync(ids, r => r.NextAttemptAt = DateTime.UtcNow.AddSeconds(-1));
        Assert.Equal(3, await fixture.SendDueAsync());
        Assert.Equal(0, await fixture.SendDueAsync());

        Assert.All(addresses, a => Assert.Single(fixture.Relay.MessagesTo(a)));
        Assert.All(await fixture.RowsAsync(ids), r =>
        {
            Assert.Equal(DeliveryStatus.Sent, r.Status);
            Assert.Equal(2, r.Attempts);
            Assert.Null(r.LastError);
        });
    }

    [Fact]
    public async Task When_the_relay_is_down_a_run_stops_after_one_batch_and_the_rows_behind_it_are_not_charged()
    {
        var addresses = Enumerable.Range(0, OutboxSender.BatchSize + 30).Select(i => NewAddress($"down-batch{i}")).ToList();
        long[] ids;
        await fixture.Relay.StopAsync();
        try
        {
            ids = await fixture.QueueAsync(InEnglish(addresses));

            Assert.Equal(0, await fixture.SendDueAsync());

            var rows = await fixture.RowsAsync(ids);
            Assert.InRange(rows.Count(r => r.Attempts == 1), 1, OutboxSender.BatchSize);
            Assert.True(rows.Count(r => (r.Status, r.Attempts, r.LeaseUntil) == (DeliveryStatus.Pending, 0, null)) >= 30, "The run went on claiming rows against a relay that is down.");
        }
        finally
        {
            fixture.Relay.Restart();
        }

        await fixture.UpdateRowsAsync(ids, r => r.NextAttemptAt = DateTime.UtcNow.AddSeconds(-1));
        await fixture.SendDueAsync();
        Assert.All(addresses, a => Assert.Single(fixture.Relay.MessagesTo(a)));
    }

    [Fact]
    public async Task A_row_left_sending_by_a_crash_is_sent_once_its_lease_has_run_out_and_not_before()
    {
        var (abandoned, inFlight) = (NewAddress("abandoned"), NewAddress("in-flight"));
        var ids = await fixture.QueueAsync(InEnglish([abandoned, inFlight]));
        var runningLease = DateTime.UtcNow.AddHours(1);
        await fixture.UpdateRowsAsync([ids[0]], r => (r.Status, r.LeaseUntil) = (DeliveryStatus.Sending, DateTime.UtcNow.AddSeconds(-1)));
        await fixture.UpdateRowsAsync([ids[1]], r => (r.Status, r.LeaseUntil) = (DeliveryStatus.Sending, runningLease));

        await fixture.SendDueAsync();

        var rows = await fixture.RowsAsync(ids);
        Assert.Equal(DeliveryStatus.Sent, rows[0].Status);
        Assert.Single(fixture.Relay.MessagesTo(abandoned));
        Assert.Equal(DeliveryStatus.Sending, rows[1].Status);
        Assert.Equal(runningLease, rows[1].LeaseUntil);
        Assert.Equal(0, rows[1].Attempts);
        Assert.Empty(fixture.Relay.MessagesTo(inFlight));
    }

    [Fact]
    public async Task Two_senders_running_at_once_send_every_row_exactly_once()
    {
        var addresses = Enumerable.Range(0, 100).Select(i => NewAddress($"race{i}")).ToList();
        var ids = await fixture.QueueAsync(InEnglish(addresses));

        var runs = await Task.WhenAll(Task.Run(fixture.SendDueAsync), Task.Run(fixture.SendDueAsync));

        Assert.True(runs.Sum() >= 100, $"The two runs sent {runs[0]} + {runs[1]} messages.");
        Assert.All(addresses, a => Assert.Single(fixture.Relay.MessagesTo(a)));
        Assert.All(await fixture.RowsAsync(ids), r =>
        {
            Assert.Equal(DeliveryStatus.Sent, r.Status);
            Assert.Equal(1, r.Attempts);
        });
    }

    [Fact]
    public async Task An_invalid_address_fails_on_its_own_row_and_the_batch_goes_on()
    {
        var (before, after) = (NewAddress("before"), NewAddress("after"));
        var ids = await fixture.QueueAsync(InEnglish([before, "not-an-address", after]));

        await fixture.SendDueAsync();

        var rows = await fixture.RowsAsync(ids);
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Failed, DeliveryStatus.Sent], rows.Select(r => r.Status));
        Assert.Equal(1, rows[1].Attempts);
        Assert.Equal("The address \"not-an-address\" is not a valid email address.", rows[1].LastError);
        Assert.Single(fixture.Relay.MessagesTo(before));
        Assert.Single(fixture.Relay.MessagesTo(after));
        Assert.Empty(fixture.Relay.MessagesTo("not-an-address"));
    }

    [Fact]
    public async Task An_international_address_is_delivered_as_written()
    {
        var address = $"amína.{Guid.NewGuid():N}@exämple.org";
        var id = (await fixture.QueueAsync((address, "Amína", "es"))).Single();

        await fixture.SendDueAsync();

        Assert.Equal(DeliveryStatus.Sent, (await fixture.RowAsync(id)).Status);
        var received = Assert.Single(fixture.Relay.MessagesTo(address));
        Assert.Equal(address, Assert.Single(received.Message.To.Mailboxes).Address);
        Assert.Equal("Su contraseña ha sido cambiada", received.Message.Subject);
    }

    [Fact]
    public async Task When_the_relay_cuts_the_connection_the_rest_of_the_batch_goes_out_on_a_new_one()
    {
        var addresses = new[] { NewAddress("cut-before"), NewAddress("cut"), NewAddress("cut-after1"), NewAddress("cut-after2") };
        fixture.Relay.CutConnectionOn(addresses[1]);
        var ids = await fixture.QueueAsync(InEnglish(addresses));
        var connections = fixture.Relay.ConnectionCount;

        await fixture.SendDueAsync();

        var rows = await fixture.RowsAsync(ids);
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Pending, DeliveryStatus.Sent, DeliveryStatus.Sent], rows.Select(r => r.Status));
        Assert.Equal([1, 1, 1, 1], rows.Select(r => r.Attempts));
        Assert.NotNull(rows[1].LastError);
        Assert.Equal(connections + 2, fixture.Relay.ConnectionCount);
        Assert.Empty(fixture.Relay.MessagesTo(addresses[1]));

        await fixture.UpdateRowsAsync([ids[1]], r => r.NextAttemptAt = DateTime.UtcNow.AddSeconds(-1));
        await fixture.SendDueAsync();
        Assert.Single(fixture.Relay.MessagesTo(addresses[1]));
        Assert.All(addresses, a => Assert.Single(fixture.Relay.MessagesTo(a)));
    }
}
