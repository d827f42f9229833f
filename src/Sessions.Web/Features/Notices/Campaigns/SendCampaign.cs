using System.ComponentModel.DataAnnotations;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Sessions;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Notices.Campaigns;

/// <summary>
/// Sends a campaign now, schedules it, or cancels a scheduled one. Each is one conditional UPDATE on the
/// campaign's status and version: a second press of the button (or a second tab) finds nothing to change
/// and queues nothing. The rows are written by <see cref="QueueCampaign"/> in the background.
/// </summary>
public static class SendCampaign
{
    public sealed class Command
    {
        public Guid Version { get; set; }

        /// <summary>When to send it, at the session's clock (UTC for a notice about no session); empty to send now.</summary>
        [Display(Name = "Send at")]
        public DateTime? SendAt { get; set; }
    }

    public enum Outcome
    {
        Done = 1,
        NotFound = 2,
        AlreadyChanged = 3,
    }

    public sealed class Handler(SessionsDbContext db, IBackgroundJobClient jobs, ICurrentUser user, TimeProvider clock)
    {
        public async Task<Outcome> SendNowAsync(int id, Command command, CancellationToken cancellationToken)
        {
            var campaign = await LoadAsync(id, cancellationToken);
            if (campaign is null)
            {
                return Outcome.NotFound;
            }

            await RefuseEmptyAudienceAsync(campaign, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var changed = await db.NoticeCampaigns
                .Where(c => c.Id == id && c.Version == command.Version && (c.Status == CampaignStatus.Draft || c.Status == CampaignStatus.Scheduled))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, CampaignStatus.Queuing)
                    .SetProperty(c => c.SentByUserId, user.UserId)
                    .SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
            if (changed == 0)
            {
                return Outcome.AlreadyChanged;
            }

            CampaignAudit.Add(db, user, now, id, campaign.Status, CampaignStatus.Queuing);
            await db.SaveChangesAsync(cancellationToken);
            jobs.Enqueue<QueueCampaign.Handler>(handler => handler.QueueAsync(id, CancellationToken.None));
            return Outcome.Done;
        }

        public async Task<Outcome> ScheduleAsync(int id, Command command, CancellationToken cancellationToken)
        {
            var campaign = await LoadAsync(id, cancellationToken);
            if (campaign is null)
            {
                return Outcome.NotFound;
            }

            if (command.SendAt is not { } local)
            {
                throw new DomainException("Enter when to send it.");
            }

            var zone = campaign.SessionId is { } sessionId
                ? await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.TimeZoneId).SingleAsync(cancellationToken)
                : "UTC";
            var at = VenueClock.ToUtc(local, zone);
            var now = clock.GetUtcNow().UtcDateTime;
            NoticeCampaign.CheckSchedule(at, now);
            await RefuseEmptyAudienceAsync(campaign, cancellationToken);
            var changed = await db.NoticeCampaigns
                .Where(c => c.Id == id && c.Version == command.Version && c.Status == CampaignStatus.Draft)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Status, CampaignStatus.Scheduled)
                    .SetProperty(c => c.ScheduledAt, at)
                    .SetProperty(c => c.SentByUserId, user.UserId)
                    .SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
            if (changed == 0)
            {
                return Outcome.AlreadyChanged;
            }

            CampaignAudit.Add(db, user, now, id, CampaignStatus.Draft, CampaignStatus.Scheduled, new { ScheduledAt = at });
            await db.SaveChangesAsync(cancellationToken);
            // Hangfire's in-memory storage forgets this at a restart: the sweep queues it then.
            jobs.Schedule<QueueCampaign.Handler>(handler => handler.SendScheduledAsync(id, CancellationToken.None), at - now);
            return Outcome.Done;
        }

        public async Task<Outcome> CancelAsync(int id, CancellationToken cancellationToken)
        {
            if (!await db.NoticeCampaigns.AnyAsync(c => c.Id == id, cancellationToken))
            {
                return Outcome.NotFound;
            }

            var changed = await db.NoticeCampaigns.Where(c => c.Id == id && c.Status == CampaignStatus.Scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Cancelled).SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
            if (changed == 0)
            {
                return Outcome.AlreadyChanged;
            }

            CampaignAudit.Add(db, user, clock.GetUtcNow().UtcDateTime, id, CampaignStatus.Scheduled, CampaignStatus.Cancelled);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done;
        }

        private Task<NoticeCampaign?> LoadAsync(int id, CancellationToken cancellationToken) =>
            db.NoticeCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

        private async Task RefuseEmptyAudienceAsync(NoticeCampaign campaign, CancellationToken cancellationToken)
        {
            if (await Audience.CountAsync(db, campaign.SessionId, campaign.Audience, cancellationToken) == 0)
            {
                throw new DomainException("Nobody is in this audience: change the filters before sending.");
            }
        }
    }

    /// <summary>What sending or scheduling will do: the audience counted as <see cref="QueueCampaign"/> will count it.</summary>
    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(int id, bool now, CancellationToken cancellationToken)
        {
            var campaign = await db.NoticeCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (campaign is null)
            {
                return null;
            }

            var recipients = await Audience.CountAsync(db, campaign.SessionId, campaign.Audience, cancellationToken);
            return new Confirmation(
                now ? t["Send the notice \"{0}\" now?", t.ForNoticeKind(campaign.Kind)] : t["Schedule the notice \"{0}\"?", t.ForNoticeKind(campaign.Kind)],
                [
                    now ? t.Plural("It will be sent by email now to {0} recipients, each in their own language.", recipients)
                        : t.Plural("It will be sent by email at the time chosen to {0} recipients, each in their own language.", recipients),
                    t["An email cannot be called back once sent."],
                ],
                now ? t["Send now"] : t["Schedule the sending"],
                $"/notices/campaigns/{id}");
        }
    }
}
