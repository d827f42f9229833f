using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Audit;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Audit;

/// <summary>What the audit trail records for rows inserted together: the keys the database gave them, never EF's temporary ones.</summary>
public sealed class AuditKeysTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Rows_inserted_with_their_parent_are_recorded_with_the_parents_real_key()
    {
        var bodyId = await factory.AddBodyAsync(prefix: BodyAndSessionBuilders.UniquePrefix());
        var sessionId = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 5, 5), configure: s => s.NominationDeadline = new DateTime(2031, 4, 1, 12, 0, 0, DateTimeKind.Utc));

        var (reminderId, scheduledIds) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
            var reminder = new Reminder(sessionId, ReminderOccasion.NominationDeadline);
            reminder.Configure(true, [TimeSpan.FromDays(7), TimeSpan.FromDays(1)], session, new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            db.Reminders.Add(reminder);
            await db.SaveChangesAsync();
            return (reminder.Id, reminder.Schedule.Select(s => s.Id).ToList());
        });

        var entries = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(ScheduledReminder) && e.Action == "Added").ToListAsync());
        var recorded = entries.Where(e => scheduledIds.Select(id => id.ToString()).Contains(e.EntityId)).ToList();
        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, entry =>
        {
            var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(entry.Changes)!;
            Assert.Equal(reminderId, changes[nameof(ScheduledReminder.ReminderId)][1].GetInt32());
        });
        Assert.Contains(await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Reminder) && e.Action == "Added").Select(e => e.EntityId).ToListAsync()), id => id == reminderId.ToString());
    }

    [Fact]
    public async Task A_change_and_its_audit_entries_are_written_in_one_transaction()
    {
        var bodyId = await factory.AddBodyAsync(prefix: BodyAndSessionBuilders.UniquePrefix());
        var sessionId = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 6, 6));
        var commits = new CommitCounter();
        var options = new DbContextOptionsBuilder<SessionsDbContext>()
            .UseSqlite($"Data Source={Path.Combine(factory.DataDirectory, "sessions.db")}")
            .AddInterceptors(new AuditInterceptor(new Nobody(), TimeProvider.System), commits)
            .Options;

        await using (var db = new SessionsDbContext(options))
        {
            db.Reminders.Add(new Reminder(sessionId, ReminderOccasion.Opening));
            await db.SaveChangesAsync();
            Assert.Null(db.Database.CurrentTransaction);
        }

        Assert.Equal(1, commits.Count);
        var audited = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().AuditEntries.AsNoTracking()
            .CountAsync(e => e.EntityType == nameof(Reminder) && e.Changes.Contains($"\"SessionId\":[null,{sessionId}]")));
        Assert.Equal(1, audited);
    }

    private sealed class Nobody : ICurrentUser
    {
        public string? UserId => null;

        public string? UserName => null;
    }

    private sealed class CommitCounter : DbTransactionInterceptor
    {
        public int Count { get; private set; }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Count++;
            return Task.CompletedTask;
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Count++;
    }
}
