using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Web.Features.Registration.VisaLetters;
using Sessions.Web.Infrastructure;

namespace Sessions.Web.Features.Registration.GroundsPass;

/// <summary>
/// Erases the grounds-pass photos and identity data, and the passport data of visa letter requests with the letters
/// that carried it (in the requests and in the outbox), of the sessions that closed more than
/// <see cref="SessionsOptions.IdentityRetentionDays"/> days ago: a recurring job, safe to run twice (what is erased is
/// not touched again). The audit records each erasure as identity data is always recorded: that there was a value, never the value.
/// </summary>
public static class EraseIdentityData
{
    public const string JobId = "identity-data-retention";
    private const int Batch = 200;

    public sealed class Handler(SessionsDbContext db, IFileStore store, IOptions<SessionsOptions> options, TimeProvider clock)
    {
        /// <summary>How many participants' grounds passes and visa letter requests it erased.</summary>
        public async Task<int> EraseDueAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var closedBefore = DateOnly.FromDateTime(now).AddDays(-Math.Max(0, options.Value.IdentityRetentionDays));
            var sessions = db.Sessions.Where(s => s.ClosesOn < closedBefore).Select(s => s.Id);
            return await EraseIdentityDataAsync(sessions, now, cancellationToken) + await EraseVisaRequestsAsync(sessions, now, cancellationToken);
        }

        private async Task<int> EraseVisaRequestsAsync(IQueryable<int> sessions, DateTime now, CancellationToken cancellationToken)
        {
            var due = db.VisaLetterRequests.Where(r => sessions.Contains(r.SessionId) && r.ErasedAt == null);
            var erased = 0;
            while (true)
            {
                var requests = await due.OrderBy(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
                if (requests.Count == 0)
                {
                    return erased;
                }

                var letters = requests.Where(r => r.Reference is not null).Select(r => VisaLetterDocument.FileName(r.Reference!)).ToList();
                foreach (var request in requests)
                {
                    request.Erase(now);
                }

                var sent = await db.OutboundEmails.Where(e => e.Attachment != null && letters.Contains(e.AttachmentName!)).ToListAsync(cancellationToken);
                foreach (var email in sent)
                {
                    email.EraseAttachment();
                }

                await db.SaveChangesAsync(cancellationToken);
                erased += requests.Count;
                db.ChangeTracker.Clear();
            }
        }

        private async Task<int> EraseIdentityDataAsync(IQueryable<int> sessions, DateTime now, CancellationToken cancellationToken)
        {
            var due = db.Participants.Where(p =>
                db.Delegations.Any(d => d.Id == p.DelegationId && sessions.Contains(d.SessionId))
                && (p.PhotoFileId != null || p.Nationality != null || p.IdentityDocumentNumber != null || p.IdentityDocumentExpiresOn != null));
            var erased = 0;
            while (true)
            {
                var participants = await due.OrderBy(p => p.Id).Take(Batch).ToListAsync(cancellationToken);
                if (participants.Count == 0)
                {
                    return erased;
                }

                var photoIds = participants.Select(p => p.EraseGroundsPass(now)).OfType<Guid>().ToList();
                var photos = await db.StoredFiles.Where(f => photoIds.Contains(f.Id)).ToListAsync(cancellationToken);
                db.StoredFiles.RemoveRange(photos);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var photo in photos)
                {
                    store.Delete(photo);
                }

                erased += participants.Count;
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Registers the daily run.</summary>
    public static WebApplication UseRetention(WebApplication app)
    {
        app.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<Handler>(JobId, handler => handler.EraseDueAsync(CancellationToken.None), Cron.Daily());
        return app;
    }
}
