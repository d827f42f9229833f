using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Statements;

namespace Sessions.Web.Features.StatementReview;

/// <summary>The secretariat sends a joint statement to review without waiting for the co-sponsors still silent.</summary>
public static class ProceedWithoutCoSponsors
{
    public sealed class Handler(SessionsDbContext db, StatementNotices notices, TimeProvider clock)
    {
        /// <summary>
        /// False when there is no such statement. A statement changed since <paramref name="version"/> throws
        /// <see cref="DbUpdateConcurrencyException"/>; one no longer waiting for its co-sponsors a <see cref="Core.Common.DomainException"/>.
        /// </summary>
        public async Task<bool> HandleAsync(int id, Guid version, string userId)
        {
            var statement = await db.WrittenStatements.Include(s => s.CoSponsors).SingleOrDefaultAsync(s => s.Id == id);
            if (statement is null)
            {
                return false;
            }

            if (statement.Version != version)
            {
                throw new DbUpdateConcurrencyException($"Statement {id} changed since version {version}.");
            }

            db.Entry(statement).Property(s => s.Version).OriginalValue = version;
            statement.ProceedWithoutWaiting(userId, clock.GetUtcNow().UtcDateTime);
            await notices.QueueAsync(statement, NoticeKinds.StatementInReview, toCoSponsors: true);
            await db.SaveChangesAsync();
            return true;
        }
    }
}
