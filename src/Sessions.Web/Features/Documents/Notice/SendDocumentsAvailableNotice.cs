using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Notices;
using Sessions.Core.Registration;
using Sessions.Web.Features.Notices.Campaigns;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Documents.Notice;

/// <summary>
/// The documents-available notice: once a day at most per session, from <see cref="HourSetting"/> at the venue's clock, the
/// documents distributed and the language versions uploaded that no notice has listed yet go to the session's participants
/// and focal points, each in their language. The day's claim (<see cref="DocumentsAvailableNotice"/>, unique per session and
/// venue day), the files' <see cref="DocumentFile.AnnouncedAt"/> and the outbox rows are written in one transaction: a second
/// run the same day, or one running at the same time, writes nothing.
/// </summary>
public static class SendDocumentsAvailableNotice
{
    public const string SweepJobId = "documents-notice-sweep";

    /// <summary>The hour (0–23, venue time) from which a day's notice goes out; later uploads wait for the next day.</summary>
    public const string HourSetting = "Documents:NoticeHour";

    public const int DefaultHour = 16;

    /// <summary>
    /// Who hears of a session's documents: participants holding a place (nominated, confirmed or approved) and the approved
    /// focal points with an active account, of delegations neither withdrawn nor rejected; each address once.
    /// </summary>
    public static readonly CampaignAudience Recipients = new(
        [],
        [RegistrationStatus.Draft, RegistrationStatus.Submitted, RegistrationStatus.Approved],
        [ParticipantStatus.Nominated, ParticipantStatus.Confirmed, ParticipantStatus.Approved],
        [],
        CampaignRecipients.Both);

    public sealed class Handler(SessionsDbContext db, NoticeWriter writer, TimeProvider clock, PublicLinks links, IConfiguration configuration, ILogger<Handler> logger)
    {
        /// <summary>The recurring sweep (hourly): every published session with something new whose venue clock has reached the hour.</summary>
        [AutomaticRetry(Attempts = 0)]
        public async Task<int> SendDueAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var hour = Math.Clamp(configuration.GetValue(HourSetting, DefaultHour), 0, 23);
            var sessions = await db.Sessions.AsNoTracking()
                .Where(s => s.IsPublished && db.Documents.Any(d => d.SessionId == s.Id && d.DistributedOn != null && d.Files.Any(f => f.AnnouncedAt == null)))
                .Select(s => new { s.Id, s.TimeZoneId })
                .ToListAsync(cancellationToken);
            var sent = 0;
            foreach (var session in sessions.Where(s => Core.Sessions.VenueClock.ToLocal(now, s.TimeZoneId).Hour >= hour))
            {
                sent += await SendAsync(session.Id, cancellationToken);
            }

            return sent;
        }

        /// <summary>Sends the session's notice of today (venue day) unless it went already; returns how many notices it wrote.</summary>
        public async Task<int> SendAsync(int sessionId, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.IsPublished, cancellationToken);
            if (session is null)
            {
                return 0;
            }

            var today = DateOnly.FromDateTime(session.ToLocal(now));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // The claim first: a run the same day, before or alongside this one, makes this one write nothing.
            var notice = new DocumentsAvailableNotice(session.Id, today, now);
            db.DocumentsAvailableNotices.Add(notice);
            try
            {
                await db.SaveChangesExpectingCollisionAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return 0;
            }

            // Files of documents distributed by today that no notice listed; never a draft's.
            var files = await db.DocumentFiles.AsNoTracking()
                .Where(f => f.AnnouncedAt == null
                    && db.Documents.Any(d => d.Id == f.DocumentId && d.SessionId == session.Id && d.DistributedOn != null && d.DistributedOn <= today))
                .Select(f => new { f.Id, f.DocumentId })
                .ToListAsync(cancellationToken);
            var recipients = files.Count == 0
                ? []
                : Audience.Distinct(await Audience.Query(db, session.Id, Recipients).AsNoTracking().ToListAsync(cancellationToken)).ToList();
            if (recipients.Count == 0)
            {
                // Nothing new, or nobody to tell yet: the files wait for a later notice, and the day is not taken.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return 0;
            }

            var documentIds = files.Select(f => f.DocumentId).Distinct().ToList();
            var documents = await db.Documents.AsNoTracking().Include(d => d.Files)
                .Where(d => documentIds.Contains(d.Id))
                .ToListAsync(cancellationToken);
            var fileIds = files.Select(f => f.Id).ToList();
            await db.DocumentFiles
                .Where(f => fileIds.Contains(f.Id) && f.AnnouncedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.AnnouncedAt, now), cancellationToken);

            var documentsUrl = $"{links.Root}/sessions/{session.Id}/documents";
            var newDocuments = documents
                .Select(d => new DocumentsAvailableNotice.NewDocument(d.Id, d.Symbol, d.Title, d.Files.Select(f => f.Language).Distinct().ToList()))
                .ToList();
            var lists = Languages.All.ToDictionary(l => l, l => new NoticeValue.Listing(DocumentsAvailableNotice.Lines(newDocuments, l, documentsUrl)));
            var sessionValues = NoticeValues.ForSession(session, $"{links.Root}/sessions/{session.Id}");
            var rows = recipients.Select(r =>
            {
                var language = Languages.OrDefault(r.Language);
                return writer.Render(r.Email, r.Name?.Trim(), language, NoticeKinds.DocumentsAvailable, sessionValues.With(new NoticeValues
                {
                    { "DocumentList", lists[language] },
                    { "DocumentCount", newDocuments.Count },
                    { "DocumentsLink", new NoticeValue.Link(documentsUrl) },
                }));
            }).ToList();
            await writer.InsertManyAsync(rows, cancellationToken);

            notice.DocumentCount = newDocuments.Count;
            notice.RecipientCount = rows.Count;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            logger.LogInformation("Documents notice of session {SessionId} for {Day}: {Documents} documents to {Count} recipients.", session.Id, today, newDocuments.Count, rows.Count);
            return rows.Count;
        }
    }

    /// <summary>Registers the hourly sweep; each session's notice waits for the hour at its venue.</summary>
    public static WebApplication UseDocumentsAvailableNotice(this WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Handler>(SweepJobId, handler => handler.SendDueAsync(CancellationToken.None), Cron.Hourly());
        return app;
    }
}
