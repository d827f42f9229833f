using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Statements;

namespace Sessions.Web.Features.Statements.Submission;

/// <summary>The submitter (or a focal point of its organisation) withdraws a statement not yet decided; it never takes a number.</summary>
public static class WithdrawStatement
{
    public sealed class Handler(SessionsDbContext db, StatementNotices notices, TimeProvider clock)
    {
        /// <summary>False when there is no such statement or it is not the user's to withdraw.</summary>
        public async Task<bool> HandleAsync(int id, string userId, Guid version, CancellationToken cancellationToken = default)
        {
            var statement = await db.StatementsOwnedBy(userId).AtVersionAsync(db, id, version, cancellationToken);
            if (statement is null)
            {
                return false;
            }

            statement.Withdraw(userId, clock.GetUtcNow().UtcDateTime);
            await notices.QueueAsync(statement, NoticeKinds.StatementWithdrawn, toCoSponsors: true, cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
