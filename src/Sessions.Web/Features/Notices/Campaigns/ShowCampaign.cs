using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Notices.Campaigns;

/// <summary>
/// A campaign's page: before sending, whom it will reach (how many addresses, and a preview for a chosen
/// recipient in their language); once queued, its delivery as it goes and the recipients it failed to reach.
/// </summary>
public static class ShowCampaign
{
    public const int PreviewChoices = 50;
    public const int FailedShown = 100;

    public sealed record Recipient(string Email, string? Name, string Language);

    public sealed record Preview(Recipient To, NoticePreview Notice);

    public sealed record FailedRow(long Id, string ToAddress, string? ToName, string Language, int Attempts, string? LastError, string? MessageId);

    public sealed record Text(string Language, string Subject, string Body);

    /// <summary>What the page shows of the campaign itself.</summary>
    public sealed record Summary(
        int Id,
        string Kind,
        CampaignStatus Status,
        CampaignRecipients Recipients,
        IReadOnlyList<Capacity> Capacities,
        IReadOnlyList<RegistrationStatus> DelegationStatuses,
        IReadOnlyList<ParticipantStatus> ParticipantStatuses,
        IReadOnlyList<OrganisationCategory> OrganisationCategories,
        DateTime CreatedAt,
        Guid Version);

    public sealed class Model
    {
        public required Summary Campaign { get; init; }
        public string? SessionSymbol { get; init; }
        public TranslatedText? SessionTitle { get; init; }
        public string TimeZoneId { get; init; } = "UTC";
        public int? MeetingNumber { get; init; }
        public DateTime? ScheduledAtLocal { get; init; }
        public string? CreatedBy { get; init; }
        public int? AudienceCount { get; init; }
        public IReadOnlyList<Recipient> PreviewRecipients { get; init; } = [];
        public Preview? Preview { get; init; }
        public CampaignProgress.Counts? Progress { get; init; }
        public IReadOnlyList<FailedRow> Failed { get; init; } = [];

        /// <summary>While some of its messages wait: notices waiting after a failed attempt, with the last error.</summary>
        public DeliveryLog.DeliveryTrouble.Model? Trouble { get; init; }
        public IReadOnlyList<Text> Texts { get; init; } = [];

        public bool CanBeSent => Campaign.Status is CampaignStatus.Draft or CampaignStatus.Scheduled;
    }

    public sealed class Handler(SessionsDbContext db, CampaignMessages.Loader messages, CampaignProgress.Handler progress, DeliveryLog.DeliveryTrouble.Handler trouble)
    {
        /// <summary>Null when there is no such campaign. <paramref name="previewFor"/> is the address to preview for (the first recipient otherwise).</summary>
        public async Task<Model?> HandleAsync(int id, string? previewFor, CancellationToken cancellationToken)
        {
            var campaign = await db.NoticeCampaigns.AsNoTracking().Include(c => c.Texts).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (campaign is null)
            {
                return null;
            }

            var session = campaign.SessionId is { } sessionId
                ? await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.Symbol, s.Title, s.TimeZoneId }).SingleAsync(cancellationToken)
                : null;
            var zone = session?.TimeZoneId ?? "UTC";
            var meetingNumber = campaign.MeetingId is { } meetingId
                ? await db.Meetings.Where(m => m.Id == meetingId).Select(m => (int?)m.Number).SingleOrDefaultAsync(cancellationToken)
                : null;
            var createdBy = await db.Users.Where(u => u.Id == campaign.CreatedByUserId).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken);

            int? count = null;
            var choices = new List<Recipient>();
            Preview? preview = null;
            if (campaign.Status is CampaignStatus.Draft or CampaignStatus.Scheduled)
            {
                count = await Audience.CountAsync(db, campaign.SessionId, campaign.Audience, cancellationToken);
                var query = Audience.Query(db, campaign.SessionId, campaign.Audience).AsNoTracking();
                var first = Audience.Distinct(await query.Take(PreviewChoices * 2).ToListAsync(cancellationToken)).Take(PreviewChoices).ToList();
                Audience.Member? chosen = null;
                if (!string.IsNullOrWhiteSpace(previewFor))
                {
                    var key = previewFor.Trim().ToLowerInvariant();
                    chosen = await query.Where(m => m.Key == key).FirstOrDefaultAsync(cancellationToken);
                    if (chosen is not null && first.All(m => m.Key != chosen.Key))
                    {
                        first.Insert(0, chosen);
                    }
                }

                chosen ??= first.FirstOrDefault();
                choices = first.Select(m => new Recipient(m.Email, m.Name, m.Language)).ToList();
                if (chosen is not null)
                {
                    var content = await messages.LoadAsync(campaign, cancellationToken);
                    var email = content.For(chosen);
                    preview = new Preview(new Recipient(chosen.Email, chosen.Name, chosen.Language), new NoticePreview(email.ToAddress, email.Language, email.Subject, email.TextBody, email.HtmlBody, email.Calendar is not null));
                }
            }

            CampaignProgress.Counts? counts = null;
            var failed = new List<FailedRow>();
            DeliveryLog.DeliveryTrouble.Model? troubleNow = null;
            if (campaign.Status is CampaignStatus.Queuing or CampaignStatus.Queued)
            {
                counts = await progress.HandleAsync(id, cancellationToken);
                failed = await db.OutboundEmails.AsNoTracking()
                    .Where(e => e.CampaignId == id && e.Status == DeliveryStatus.Failed)
                    .OrderBy(e => e.Id).Take(FailedShown)
                    .Select(e => new FailedRow(e.Id, e.ToAddress, e.ToName, e.Language, e.Attempts, e.LastError, e.MessageId))
                    .ToListAsync(cancellationToken);
                if (counts is { Pending: > 0 })
                {
                    troubleNow = await trouble.HandleAsync(cancellationToken);
                }
            }

            return new Model
            {
                Campaign = new Summary(campaign.Id, campaign.Kind, campaign.Status, campaign.Recipients, campaign.Capacities, campaign.DelegationStatuses,
                    campaign.ParticipantStatuses, campaign.OrganisationCategories, campaign.CreatedAt, campaign.Version),
                SessionSymbol = session?.Symbol,
                SessionTitle = session?.Title,
                TimeZoneId = zone,
                MeetingNumber = meetingNumber,
                ScheduledAtLocal = campaign.ScheduledAt is { } at ? VenueClock.ToLocal(at, zone) : null,
                CreatedBy = createdBy,
                AudienceCount = count,
                PreviewRecipients = choices,
                Preview = preview,
                Progress = counts,
                Failed = failed,
                Trouble = troubleNow,
                Texts = campaign.Texts.OrderBy(t => Array.IndexOf([.. Languages.All], t.Language)).Select(t => new Text(t.Language, t.Subject, t.Body)).ToList(),
            };
        }
    }
}
