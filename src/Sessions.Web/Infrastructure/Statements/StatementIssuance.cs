using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Statements;

namespace Sessions.Web.Infrastructure.Statements;

/// <summary>
/// Issues an accepted statement under the next number of its series (scoped). The number is the highest of the series
/// in the session plus one, taken in the save that issues the statement: when another acceptance took the same number
/// first, the unique index IX_WrittenStatements_OneNumberPerSeries refuses the save and the number is taken again
/// from what is now saved. So numbers run 1, 2, 3... with no gap and no repeat; only issued statements take one.
/// </summary>
public sealed class StatementIssuance(SessionsDbContext db, StatementNotices notices, PublicLinks links, TimeProvider clock)
{
    /// <summary>More than enough for a room of secretariat members accepting at the same moment.</summary>
    private const int Attempts = 20;

    /// <summary>
    /// Issues statement <paramref name="statementId"/> as it was at <paramref name="version"/> and queues the notice.
    /// Null when there is no such statement. A statement changed or issued meanwhile throws
    /// <see cref="DbUpdateConcurrencyException"/>; one that cannot be issued (decided, awaiting co-sponsors) a
    /// <see cref="Core.Common.DomainException"/>.
    /// </summary>
    public async Task<string?> IssueAsync(int statementId, Guid version, string userId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var statement = await db.WrittenStatements.AtVersionAsync(db, statementId, version, cancellationToken);
            if (statement is null)
            {
                return null;
            }

            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == statement.SessionId, cancellationToken);
            var rules = await db.StatementRules.AsNoTracking().SingleOrDefaultAsync(r => r.SessionId == session.Id, cancellationToken)
                ?? StatementRules.ForSession(session.Id);
            var series = StatementSymbols.Series(rules.SeriesPatternFor(statement.Capacity), session.Symbol);
            var last = await db.WrittenStatements.Where(s => s.SessionId == session.Id && s.Series == series).MaxAsync(s => s.Number, cancellationToken) ?? 0;
            var now = clock.GetUtcNow().UtcDateTime;
            statement.Issue(series, last + 1, DateOnly.FromDateTime(session.ToLocal(now)), userId, now);
            await notices.QueueAsync(statement, NoticeKinds.StatementIssued, toCoSponsors: true, new NoticeValues
            {
                { "DocumentSymbol", statement.Symbol! },
                { "DocumentLink", new NoticeValue.Link(links.Absolute($"/statements/issued/{statement.Id}")) },
            }, cancellationToken);
            try
            {
                await db.SaveChangesExpectingCollisionAsync(cancellationToken);
                return statement.Symbol;
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < Attempts)
            {
                db.ChangeTracker.Clear();
                if (!await IsTakenAsync(session.Id, series, last + 1, cancellationToken))
                {
                    throw;
                }

                // Another acceptance took this number first: take the next one.
            }
        }
    }

    private Task<bool> IsTakenAsync(int sessionId, string series, int number, CancellationToken cancellationToken) =>
        db.WrittenStatements.AsNoTracking().AnyAsync(s => s.SessionId == sessionId && s.Series == series && s.Number == number, cancellationToken);
}
