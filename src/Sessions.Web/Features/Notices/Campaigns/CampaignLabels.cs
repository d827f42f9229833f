using Sessions.Core.Notices;

namespace Sessions.Web.Features.Notices.Campaigns;

public static class CampaignLabels
{
    public static string StatusClass(CampaignStatus status) => status switch
    {
        CampaignStatus.Queued => "text-bg-success",
        CampaignStatus.Queuing => "text-bg-info",
        CampaignStatus.Scheduled => "text-bg-primary",
        CampaignStatus.Cancelled => "text-bg-dark",
        _ => "text-bg-secondary",
    };
}
