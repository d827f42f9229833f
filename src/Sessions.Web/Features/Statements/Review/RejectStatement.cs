using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Statements;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
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

    /// <summary>What rejecting will do: the submitter's organisation and the co-sponsors that did not decline are told the reason.</summary>
    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(int id, string reason)
        {
            var statement = await db.WrittenStatements.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new { s.Title, CoSponsors = s.CoSponsors.Count(c => c.Answer != CoSponsorAnswer.Declined) })
                .SingleOrDefaultAsync();
            return statement is null ? null : new Confirmation(
                t["Reject the statement \"{0}\"?", statement.Title],
                [
                    t["The statement will not be issued."],
                    t.Plural("The focal points of the submitting organisation and of the {0} co-sponsors will be told the reason by email.", statement.CoSponsors),
                    t["The reason given: {0}", reason],
                ],
                t["Reject the statement"],
                $"/statements/review/{id}");
        }
    }
}
