using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Statements;

namespace Sessions.Web.Features.Statements.Review;

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
            var statement = await db.WrittenStatements.AtVersionAsync(db, id, version);
            if (statement is null)
            {
                return false;
            }

            statement.ProceedWithoutWaiting(userId, clock.GetUtcNow().UtcDateTime);
            await notices.QueueAsync(statement, NoticeKinds.StatementInReview, toCoSponsors: true);
            await db.SaveChangesAsync();
            return true;
        }
    }
}
