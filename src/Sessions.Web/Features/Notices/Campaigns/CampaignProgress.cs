using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;

namespace Sessions.Web.Features.Notices.Campaigns;

/// <summary>How far a campaign's delivery has gone: its outbox rows by status (read by the page's progress bar every few seconds).</summary>
public static class CampaignProgress
{
    public sealed record Counts(CampaignStatus Status, int Recipients, int Pending, int Sending, int Sent, int Failed)
    {
        /// <summary>Sent or failed for good: the progress bar's value.</summary>
        public int Done => Sent + Failed;

        public bool Finished => Status == CampaignStatus.Queued && Pending == 0 && Sending == 0;
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such campaign.</summary>
        public async Task<Counts?> HandleAsync(int id, CancellationToken cancellationToken)
        {
            var campaign = await db.NoticeCampaigns.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Status, c.RecipientCount }).SingleOrDefaultAsync(cancellationToken);
            if (campaign is null)
            {
                return null;
            }

            var byStatus = await db.OutboundEmails.AsNoTracking().Where(e => e.CampaignId == id)
                .GroupBy(e => e.Status).Select(g => new { Status = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
            int Of(DeliveryStatus status) => byStatus.GetValueOrDefault(status);
            return new Counts(campaign.Status, campaign.RecipientCount ?? byStatus.Values.Sum(), Of(DeliveryStatus.Pending), Of(DeliveryStatus.Sending), Of(DeliveryStatus.Sent), Of(DeliveryStatus.Failed));
        }
    }
}
