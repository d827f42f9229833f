using System.Linq.Expressions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Notices.DeliveryLog;

/// <summary>Sends failed notices again: back to Pending with their attempts reset, due now, and the sender queued.</summary>
public static class ResendNotice
{
    public sealed class Handler(SessionsDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
    {
        /// <summary>False when the row is not (or no longer) Failed: only a failed notice is sent again.</summary>
        public async Task<bool> HandleAsync(long id, CancellationToken cancellationToken) =>
            await ResendAsync(e => e.Id == id, cancellationToken) == 1;

        /// <summary>Every failed message of a bulk notice; returns how many go out again.</summary>
        public Task<int> HandleCampaignAsync(int campaignId, CancellationToken cancellationToken) =>
            ResendAsync(e => e.CampaignId == campaignId, cancellationToken);

        private async Task<int> ResendAsync(Expression<Func<OutboundEmail, bool>> which, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // One conditional UPDATE: two people pressing Resend at once, or a sender at work, can never make a row go out twice.
            var changed = await db.OutboundEmails
                .Where(which)
                .Where(e => e.Status == DeliveryStatus.Failed)
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
