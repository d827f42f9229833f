using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Campaigns;

/// <summary>Sends a campaign's failed messages again: back to Pending, attempts reset, due now, and the sender queued.</summary>
public static class ResendFailed
{
    public sealed class Handler(SessionsDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
    {
        /// <summary>How many messages go out again.</summary>
        public async Task<int> HandleAsync(int campaignId, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // Conditional on Failed, like the single resend: a row the sender is working on is never touched.
            var changed = await db.OutboundEmails
                .Where(e => e.CampaignId == campaignId && e.Status == DeliveryStatus.Failed)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Status, DeliveryStatus.Pending)
                    .SetProperty(e => e.Attempts, 0)
                    .SetProperty(e => e.NextAttemptAt, now)
                    .SetProperty(e => e.LeaseUntil, (DateTime?)null), cancellationToken);
            if (changed > 0)
            {
                jobs.Enqueue<OutboxSender>(sender => sender.SendDueAsync(CancellationToken.None));
            }

            return changed;
        }
    }
}
