using System.Collections.Concurrent;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Notices.Campaigns;

/// <summary>
/// Writes a campaign's outbox rows, as a Hangfire job: the audience (addresses, names, languages) is read in
/// SQL, each recipient's message rendered and inserted (<see cref="NoticeWriter.InsertManyAsync"/>), and the campaign
/// marked Queued, all in one transaction: a stop half-way leaves it Queuing with no rows, and the sweep
/// (every minute, and at start-up) queues it again. Hangfire's in-memory storage forgets scheduled jobs at a
/// restart, so the sweep also queues Scheduled campaigns whose time has come.
/// </summary>
public static class QueueCampaign
{
    public const string SweepJobId = "campaign-sweep";
    private const int RenderedBuffer = 2_000;

    public sealed class Handler(SessionsDbContext db, NoticeWriter writer, CampaignMessages.Loader messages, ICurrentUser user, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Queues a campaign left in Queuing (by the send button, the schedule or a stop); does nothing otherwise.</summary>
        public async Task<int> QueueAsync(int campaignId, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;

            // The first write takes the campaign: a second run (the sweep, a retry) waits here, then finds it Queued.
            var taken = await db.NoticeCampaigns.Where(c => c.Id == campaignId && c.Status == CampaignStatus.Queuing)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.QueuedAt, now), cancellationToken);
            if (taken == 0)
            {
                return 0;
            }

            var campaign = await db.NoticeCampaigns.AsNoTracking().Include(c => c.Texts).SingleAsync(c => c.Id == campaignId, cancellationToken);
            var content = await messages.LoadAsync(campaign, cancellationToken);

            // The audience (addresses, names, languages: small) is read whole; the messages are rendered on another
            // thread while this one inserts them, through a bounded buffer: never more than a few thousand rendered
            // messages in memory, and rendering (about a third of the work) overlaps inserting.
            var recipients = Audience.Distinct(await Audience.Query(db, campaign.SessionId, campaign.Audience).AsNoTracking().ToListAsync(cancellationToken)).ToList();
            using var rendered = new BlockingCollection<OutboundEmail>(RenderedBuffer);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var rendering = Task.Run(() =>
            {
                try
                {
                    foreach (var member in recipients)
                    {
                        rendered.Add(content.For(member), stop.Token);
                    }
                }
                finally
                {
                    rendered.CompleteAdding();
                }
            }, stop.Token);
            var count = 0;
            try
            {
                await writer.InsertManyAsync(rendered.GetConsumingEnumerable(stop.Token).Select(email =>
                {
                    count++;
                    return email;
                }), cancellationToken);
            }
            finally
            {
                await stop.CancelAsync();
            }

            // A failure while rendering surfaces here, before anything is committed.
            await rendering;
            if (count != recipients.Count)
            {
                throw new InvalidOperationException($"Campaign {campaignId}: {count} of {recipients.Count} messages written.");
            }

            await db.NoticeCampaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, CampaignStatus.Queued)
                .SetProperty(c => c.RecipientCount, count)
                .SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
            CampaignAudit.Add(db, user, now, campaignId, CampaignStatus.Queuing, CampaignStatus.Queued, new { RecipientCount = count });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Campaign {CampaignId} queued to {Count} recipients", campaignId, count);
            return count;
        }

        /// <summary>The scheduled job: a campaign still Scheduled and due goes to Queuing, then is queued.</summary>
        public async Task SendScheduledAsync(int campaignId, CancellationToken cancellationToken)
        {
            if (await StartDueAsync(campaignId, cancellationToken) > 0)
            {
                await QueueAsync(campaignId, cancellationToken);
            }
        }

        /// <summary>Every minute and at start-up: due Scheduled campaigns start, and every campaign in Queuing is queued.</summary>
        public async Task SweepAsync(CancellationToken cancellationToken)
        {
            await StartDueAsync(null, cancellationToken);
            var queuing = await db.NoticeCampaigns.AsNoTracking().Where(c => c.Status == CampaignStatus.Queuing).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
            foreach (var id in queuing)
            {
                await QueueAsync(id, cancellationToken);
            }
        }

        private async Task<int> StartDueAsync(int? campaignId, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.NoticeCampaigns.AsNoTracking()
                .Where(c => c.Status == CampaignStatus.Scheduled && c.ScheduledAt <= now && (campaignId == null || c.Id == campaignId))
                .Select(c => c.Id).ToListAsync(cancellationToken);
            var started = 0;
            foreach (var id in due)
            {
                var changed = await db.NoticeCampaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Scheduled && c.ScheduledAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Queuing).SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
                if (changed > 0)
                {
                    CampaignAudit.Add(db, user, now, id, CampaignStatus.Scheduled, CampaignStatus.Queuing);
                    await db.SaveChangesAsync(cancellationToken);
                    started++;
                }
            }

            return started;
        }
    }

    /// <summary>The recurring sweep, and one run at start-up for what a stop left behind.</summary>
    public static WebApplication UseCampaignSweep(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Handler>(SweepJobId, handler => handler.SweepAsync(CancellationToken.None), Cron.Minutely());
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<Handler>(handler => handler.SweepAsync(CancellationToken.None));
        return app;
    }
}
