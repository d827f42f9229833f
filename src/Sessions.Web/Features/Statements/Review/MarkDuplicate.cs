using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Statements;

namespace Sessions.Web.Features.Statements.Review;

/// <summary>The secretariat closes a statement in review as a duplicate of another statement of the same session.</summary>
public static class MarkDuplicate
{
    /// <summary>The original as the notice names it: its symbol once issued, else its title in the reader's quotation marks.</summary>
    public static NoticeValue NameOf(string title, string? symbol) => symbol is not null
        ? symbol
        : new NoticeValue.PerLanguage(language => language switch
        {
            Languages.French => $"« {title} »",
            Languages.Russian or Languages.Arabic => $"«{title}»",
            _ => $"“{title}”",
        });

    public sealed class Handler(SessionsDbContext db, StatementNotices notices, TimeProvider clock)
    {
        /// <summary>
        /// False when there is no such statement. A statement changed since <paramref name="version"/> throws
        /// <see cref="DbUpdateConcurrencyException"/>; no original chosen, an original of another session or the
        /// statement itself, or a statement not in review, a <see cref="DomainException"/>.
        /// </summary>
        public async Task<bool> HandleAsync(int id, Guid version, int? duplicateOfId, string userId)
        {
            var statement = await db.WrittenStatements.AtVersionAsync(db, id, version);
            if (statement is null)
            {
                return false;
            }

            var original = duplicateOfId is { } originalId
                ? await db.WrittenStatements.SingleOrDefaultAsync(s => s.Id == originalId)
                : null;
            if (original is null)
            {
                throw new DomainException("Choose another statement of the same session as the original.");
            }

            statement.MarkDuplicateOf(original, userId, clock.GetUtcNow().UtcDateTime);
            await notices.QueueAsync(statement, NoticeKinds.StatementDuplicate, toCoSponsors: true, new NoticeValues { { "DuplicateOf", NameOf(original.Title, original.Symbol) } });
            await db.SaveChangesAsync();
            return true;
        }
    }
}
