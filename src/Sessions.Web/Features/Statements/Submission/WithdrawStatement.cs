using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Statements;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
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

    /// <summary>What withdrawing will do: the co-sponsors that did not decline are told, as <see cref="StatementNotices"/> tells them.</summary>
    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(int id, string userId, CancellationToken cancellationToken = default)
        {
            var statement = await db.StatementsOwnedBy(userId).AsNoTracking().Where(s => s.Id == id)
                .Select(s => new { s.Title, CoSponsors = s.CoSponsors.Count(c => c.Answer != CoSponsorAnswer.Declined) })
                .SingleOrDefaultAsync(cancellationToken);
            return statement is null ? null : new Confirmation(
                t["Withdraw the statement \"{0}\"?", statement.Title],
                [
                    t["It will not be issued, and cannot be submitted again."],
                    t.Plural("The focal points of your organisation and of the {0} co-sponsors will be told by email.", statement.CoSponsors),
                ],
                t["Withdraw the statement"],
                $"/statements/{id}");
        }
    }
}
