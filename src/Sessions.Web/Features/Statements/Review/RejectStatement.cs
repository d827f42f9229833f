using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Statements;

namespace Sessions.Web.Features.Statements.Review;

/// <summary>The secretariat rejects a statement in review, with the reason the submitter and co-sponsors are told.</summary>
public static class RejectStatement
{
    public sealed class Handler(SessionsDbContext db, StatementNotices notices, TimeProvider clock)
    {
        /// <summary>
        /// False when there is no such statement. A statement changed since <paramref name="version"/> throws
        /// <see cref="DbUpdateConcurrencyException"/>; one not in review, or an empty reason, a <see cref="Core.Common.DomainException"/>.
        /// </summary>
        public async Task<bool> HandleAsync(int id, Guid version, string? reason, string userId)
        {
            var statement = await db.WrittenStatements.AtVersionAsync(db, id, version);
            if (statement is null)
            {
                return false;
            }

            statement.Reject(reason ?? "", userId, clock.GetUtcNow().UtcDateTime);
            await notices.QueueAsync(statement, NoticeKinds.StatementRejected, toCoSponsors: true, new NoticeValues { { "Reason", statement.Reason! } });
            await db.SaveChangesAsync();
            return true;
        }
    }
}
