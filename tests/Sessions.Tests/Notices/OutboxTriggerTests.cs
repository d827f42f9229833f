using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Audit;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices;

/// <summary>
/// The interceptor that queues the sending job: it must fire once the notices are visible to the sender
/// (after the save, or after the commit of an explicit transaction), and only then.
/// </summary>
public sealed class OutboxTriggerTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private sealed class RecordingJobClient : IBackgroundJobClient
    {
        public List<Job> Jobs { get; } = [];

        public string Create(Job job, IState state)
        {
            Jobs.Add(job);
            return Jobs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }

    /// <summary>A context like the app's (audit first, then the trigger) whose trigger records the jobs instead of queuing them.</summary>
    private async Task RunAsync(Func<SessionsDbContext, RecordingJobClient, Task> test)
    {
        await factory.InScopeAsync(async sp =>
        {
            var jobs = new RecordingJobClient();
            var options = new DbContextOptionsBuilder<SessionsDbContext>()
                .UseSqlite(sp.GetRequiredService<SessionsDbContext>().Database.GetConnectionString())
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), new OutboxTrigger(jobs))
                .Options;
            await using var db = new SessionsDbContext(options);
            await test(db, jobs);
        });
    }

    private static OutboundEmail Notice() =>
        new($"trigger-{Guid.NewGuid():N}@example.org", null, "en", "test.trigger", "Saved.", "Saved.", "<p>Saved.</p>", DateTime.UtcNow);

    [Fact]
    public async Task A_notice_saved_with_an_audited_change_queues_the_sender_once()
    {
        await RunAsync(async (db, jobs) =>
        {
            db.OutboundEmails.Add(Notice());
            var email = $"trigger-{Guid.NewGuid():N}@example.org";
            db.Users.Add(new User { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, CreatedAt = DateTime.UtcNow });

            await db.SaveChangesAsync();

            var job = Assert.Single(jobs.Jobs);
            Assert.Equal(typeof(OutboxSender), job.Type);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == db.Users.Local.Single().Id), "The audit interceptor wrote its entry in a second save.");
        });
    }

    [Fact]
    public async Task A_save_without_notices_queues_nothing()
    {
        await RunAsync(async (db, jobs) =>
        {
            var email = $"trigger-{Guid.NewGuid():N}@example.org";
            db.Users.Add(new User { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            Assert.Empty(jobs.Jobs);
        });
    }

    [Fact]
    public async Task Inside_a_transaction_the_sender_is_queued_at_the_commit()
    {
        await RunAsync(async (db, jobs) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.OutboundEmails.Add(Notice());
            await db.SaveChangesAsync();
            Assert.Empty(jobs.Jobs);

            await transaction.CommitAsync();
            Assert.Single(jobs.Jobs);
        });
    }

    [Fact]
    public async Task A_rolled_back_transaction_queues_nothing_and_leaves_no_notice()
    {
        await RunAsync(async (db, jobs) =>
        {
            var notice = Notice();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.OutboundEmails.Add(notice);
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }

            Assert.Empty(jobs.Jobs);
            Assert.False(await db.OutboundEmails.AsNoTracking().AnyAsync(e => e.ToAddress == notice.ToAddress));
        });
    }
}
