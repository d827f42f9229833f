using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Sessions;

namespace Sessions.Web.Features.Documents.Manage;

/// <summary>
/// Where the session's pre-session documents stand against their due date (<see cref="Session.DocumentsDue"/>), for
/// the dashboard: before the day, the days left; on and after it (the day as it is at the venue), how many are still
/// drafts and how many lack a language version.
/// </summary>
public static class DocumentsDue
{
    public sealed record Status(int SessionId, DateOnly DueOn, int DaysLeft, int PreSession, int Drafts, int MissingLanguage)
    {
        public bool IsDue => DaysLeft <= 0;

        public bool HasProblems => Drafts > 0 || MissingLanguage > 0;
    }

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        public async Task<Status?> HandleAsync(int sessionId, CancellationToken cancellationToken = default)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.OpensOn, s.DocumentsDueOn, s.TimeZoneId }).SingleOrDefaultAsync(cancellationToken);
            if (session is null)
            {
                return null;
            }

            var dueOn = session.DocumentsDueOn ?? session.OpensOn.AddDays(-Session.DocumentsDueDaysBeforeOpening);
            var today = DateOnly.FromDateTime(VenueClock.ToLocal(clock.GetUtcNow().UtcDateTime, session.TimeZoneId));
            var documents = db.Documents.AsNoTracking().Where(d => d.SessionId == sessionId && d.Kind == DocumentKind.PreSession);
            var counts = await documents
                .GroupBy(d => 1)
                .Select(g => new
                {
                    All = g.Count(),
                    Drafts = g.Count(d => d.DistributedOn == null),
                    Missing = g.Count(d => db.DocumentFiles.Where(f => f.DocumentId == d.Id).Select(f => f.Language).Distinct().Count() < Languages.All.Count),
                })
                .SingleOrDefaultAsync(cancellationToken);
            return new Status(sessionId, dueOn, dueOn.DayNumber - today.DayNumber, counts?.All ?? 0, counts?.Drafts ?? 0, counts?.Missing ?? 0);
        }
    }
}
