using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices;

/// <summary>Smtp:MessagesPerMinute: the sender stops when the minute's budget is spent, and the next run goes on.</summary>
public sealed class RelayBudgetTests(ManualSmtpRelayFixture fixture) : IClassFixture<ManualSmtpRelayFixture>
{
    private static readonly DateTimeOffset _start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Without_a_limit_every_message_asked_for_is_granted()
    {
        var budget = new RelayBudget(0, new ManualTimeProvider(_start));
        Assert.Equal(50, budget.Reserve(50));
        Assert.Equal(50, budget.Reserve(50));
    }

    [Fact]
    public void The_budget_is_spent_for_sixty_seconds_after_the_messages_were_reserved()
    {
        var clock = new ManualTimeProvider(_start);
        var budget = new RelayBudget(3, clock);

        Assert.Equal(3, budget.Reserve(50));
        Assert.Equal(0, budget.Reserve(1));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, budget.Reserve(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, budget.Reserve(50));
    }

    [Fact]
    public void The_window_slides_message_by_message()
    {
        var clock = new ManualTimeProvider(_start);
        var budget = new RelayBudget(4, clock);

        Assert.Equal(2, budget.Reserve(2));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, budget.Reserve(5));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, budget.Remaining);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(4, budget.Remaining);
    }

    [Fact]
    public void What_was_reserved_and_not_used_is_given_back()
    {
        var budget = new RelayBudget(5, new ManualTimeProvider(_start));

        Assert.Equal(5, budget.Reserve(50));
        budget.Release(3);
        Assert.Equal(3, budget.Reserve(50));
        Assert.Equal(0, budget.Remaining);
    }

    [Fact]
    public async Task The_sender_stops_when_the_minutes_budget_is_spent_and_the_next_run_goes_on()
    {
        var addresses = Enumerable.Range(0, 8).Select(i => $"budget{i}-{Guid.NewGuid():N}@example.org").ToList();
        var ids = await fixture.QueueAsync(addresses.Select(a => (a, (string?)null, "en")).ToArray());
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow.AddSeconds(1));
        var budget = new RelayBudget(5, clock);
        Task<int> RunAsync() => fixture.App.InScopeAsync(sp => new OutboxSender(
            sp.GetRequiredService<SessionsDbContext>(), sp.GetRequiredService<IEmailTransportFactory>(), budget, clock, NullLogger<OutboxSender>.Instance)
            .SendDueAsync(CancellationToken.None));

        Assert.Equal(5, await RunAsync());
        var rows = await fixture.RowsAsync(ids);
        Assert.Equal(5, rows.Count(r => r.Status == DeliveryStatus.Sent));
        // The rest were not claimed: nobody holds them, and no attempt was counted.
        Assert.All(rows.Where(r => r.Status != DeliveryStatus.Sent), r => Assert.Equal((DeliveryStatus.Pending, 0, (DateTime?)null), (r.Status, r.Attempts, r.LeaseUntil)));

        var connections = fixture.Relay.ConnectionCount;
        Assert.Equal(0, await RunAsync());
        Assert.Equal(connections, fixture.Relay.ConnectionCount);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, await RunAsync());
        Assert.All(await fixture.RowsAsync(ids), r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.All(addresses, a => Assert.Single(fixture.Relay.MessagesTo(a)));
    }
}
