using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Notices.DeliveryLog;

/// <summary>
/// Notices waiting to be sent again after a failed attempt (the relay down, a 4xx): the last error, when it
/// happened, and when the next attempt is due. Read from the outbox, so every page and every instance sees the
/// same; a notice not attempted yet carries no error of its own, which is why the pages show this as well.
/// </summary>
public static class DeliveryTrouble
{
    /// <param name="Waiting">Notices waiting for another attempt after an error.</param>
    /// <param name="NextAttemptAt">The earliest of their next attempts; null when it is already due.</param>
    public sealed record Model(int Waiting, string LastError, DateTime LastFailedAt, DateTime? NextAttemptAt);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        /// <summary>Null when no notice is waiting after an error.</summary>
        public async Task<Model?> HandleAsync(CancellationToken cancellationToken)
        {
            var retrying = db.OutboundEmails.AsNoTracking()
                .Where(e => e.Status == DeliveryStatus.Pending && e.Attempts > 0 && e.LastError != null);
            // The sender sets NextAttemptAt = failure + Backoff(Attempts): the latest failure is found per number of attempts.
            var groups = await retrying
                .GroupBy(e => e.Attempts)
                .Select(g => new { Attempts = g.Key, Count = g.Count(), Latest = g.Max(e => e.NextAttemptAt), Earliest = g.Min(e => e.NextAttemptAt) })
                .ToListAsync(cancellationToken);
            if (groups.Count == 0)
            {
                return null;
            }

            var last = groups.MaxBy(g => g.Latest - OutboxSender.Backoff(g.Attempts))!;
            var error = await retrying
                .Where(e => e.Attempts == last.Attempts && e.NextAttemptAt == last.Latest)
                .OrderByDescending(e => e.Id)
                .Select(e => e.LastError!)
                .FirstAsync(cancellationToken);
            var next = groups.Min(g => g.Earliest);
            return new Model(
                groups.Sum(g => g.Count),
                error,
                last.Latest - OutboxSender.Backoff(last.Attempts),
                next > clock.GetUtcNow().UtcDateTime ? next : null);
        }
    }
}
