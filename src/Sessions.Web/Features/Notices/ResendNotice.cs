using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Notices;

/// <summary>Sends a failed notice again: back to Pending with its attempts reset, due now, and the sender queued.</summary>
public static class ResendNotice
{
    public sealed class Handler(SessionsDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
    {
        /// <summary>False when the row is not (or no longer) Failed: only a failed notice is sent again.</summary>
        public async Task<bool> HandleAsync(long id, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // One conditional UPDATE: two people pressing Resend at once, or a sender at work, can never make it go out twice.
            var changed = await db.OutboundEmails
                .Where(e => e.Id == id && e.Status == DeliveryStatus.Failed)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.Status, DeliveryStatus.Pending)
                    .SetProperty(e => e.Attempts, 0)
                    .SetProperty(e => e.NextAttemptAt, now)
                    .SetProperty(e => e.LeaseUntil, (DateTime?)null), cancellationToken);
            if (changed == 0)
            {
                return false;
            }

            jobs.Enqueue<OutboxSender>(sender => sender.SendDueAsync(CancellationToken.None));
            return true;
        }
    }
}
