using Sessions.Core.Audit;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;

namespace Sessions.Web.Features.Notices.Campaigns;

/// <summary>
/// Status changes of a campaign are conditional UPDATEs (so that they happen once), which the audit
/// interceptor does not see: each writes its own entry, as the interceptor would have.
/// </summary>
public static class CampaignAudit
{
    public static void Add(SessionsDbContext db, ICurrentUser user, DateTime at, int campaignId, CampaignStatus from, CampaignStatus to, object? more = null)
    {
        var changes = new Dictionary<string, object?[]> { [nameof(NoticeCampaign.Status)] = [from.ToString(), to.ToString()] };
        if (more is not null)
        {
            foreach (var property in more.GetType().GetProperties())
            {
                changes[property.Name] = [null, property.GetValue(more)];
            }
        }

        db.AuditEntries.Add(AuditEntry.Of(at, user.UserId, user.UserName, nameof(NoticeCampaign), campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Modified", changes));
    }
}
