using Microsoft.Extensions.Localization;
using Sessions.Core.Notices;

namespace Sessions.Web.Features.Campaigns;

public static class CampaignLabels
{
    /// <summary>The name of a bulk notice's kind, in the reader's language.</summary>
    public static string Kind(IStringLocalizer t, string kind) =>
        kind == NoticeKinds.MeetingNotice.Key ? t["Meeting notice"]
        : kind == NoticeKinds.FreeForm.Key ? t["Free-form notice"]
        : t["Convening notice"];

    public static string StatusClass(CampaignStatus status) => status switch
    {
        CampaignStatus.Queued => "text-bg-success",
        CampaignStatus.Queuing => "text-bg-info",
        CampaignStatus.Scheduled => "text-bg-primary",
        CampaignStatus.Cancelled => "text-bg-dark",
        _ => "text-bg-secondary",
    };
}
