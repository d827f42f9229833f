using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Web.Features.Notices.Campaigns;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Documents.Notice;

/// <summary>
/// Where a session's documents-available notice stands, shown on its reminders page: the hour it goes at, what waits to be
/// announced, whether today's went; and the confirmation of sending today's now.
/// </summary>
public static class DocumentsNoticeStatus
{
    /// <summary>Today's notice, when it went: at the venue's clock.</summary>
    public sealed record Sent(DateTime At, int DocumentCount, int RecipientCount);

    public sealed record Model(int SessionId, int Hour, int WaitingFiles, int WaitingDocuments, Sent? Today);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock, IConfiguration configuration, IStringLocalizer<Text> t)
    {
        public async Task<Model?> LoadAsync(int sessionId, CancellationToken cancellationToken = default)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session is null)
            {
                return null;
            }

            var today = DateOnly.FromDateTime(session.ToLocal(clock.GetUtcNow().UtcDateTime));
            var waiting = await db.DocumentFiles.AsNoTracking()
                .Where(f => f.AnnouncedAt == null
                    && db.Documents.Any(d => d.Id == f.DocumentId && d.SessionId == sessionId && d.DistributedOn != null && d.DistributedOn <= today))
                .Select(f => f.DocumentId)
                .ToListAsync(cancellationToken);
            var sent = await db.DocumentsAvailableNotices.AsNoTracking()
                .Where(n => n.SessionId == sessionId && n.Day == today)
                .Select(n => new { n.SentAt, n.DocumentCount, n.RecipientCount })
                .SingleOrDefaultAsync(cancellationToken);
            var hour = Math.Clamp(configuration.GetValue(SendDocumentsAvailableNotice.HourSetting, SendDocumentsAvailableNotice.DefaultHour), 0, 23);
            return new Model(sessionId, hour, waiting.Count, waiting.Distinct().Count(), sent is null ? null : new Sent(session.ToLocal(sent.SentAt), sent.DocumentCount, sent.RecipientCount));
        }

        /// <summary>What sending today's notice now will do: to how many, listing how many documents.</summary>
        public async Task<Confirmation?> ConfirmAsync(int sessionId, CancellationToken cancellationToken)
        {
            if (await LoadAsync(sessionId, cancellationToken) is not { } status)
            {
                return null;
            }

            var recipients = await Audience.CountAsync(db, sessionId, SendDocumentsAvailableNotice.Recipients, cancellationToken);
            return new Confirmation(
                t["Send today's documents notice now?"],
                [
                    t["Recipients: {0}", recipients.ToString("N0")],
                    t["Documents listed: {0}", status.WaitingDocuments.ToString("N0")],
                    t["No other documents notice goes out for this session today: what is uploaded later waits for tomorrow's."],
                ],
                t["Send today's notice now"],
                $"/sessions/manage/{sessionId}/reminders#documents-notice")
            {
                Destructive = false,
            };
        }
    }
}
