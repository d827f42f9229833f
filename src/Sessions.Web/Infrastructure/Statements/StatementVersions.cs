using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Statements;

namespace Sessions.Web.Infrastructure.Statements;

public static class StatementVersions
{
    /// <summary>
    /// The statement <paramref name="id"/> among <paramref name="statements"/>, tracked with its co-sponsors, as the user
    /// saw it at <paramref name="version"/>: null when there is none; one changed since throws
    /// <see cref="DbUpdateConcurrencyException"/> now, and the save checks the version again.
    /// </summary>
    public static async Task<WrittenStatement?> AtVersionAsync(this IQueryable<WrittenStatement> statements, SessionsDbContext db, int id, Guid version, CancellationToken cancellationToken = default)
    {
        var statement = await statements.Include(s => s.CoSponsors).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (statement is null)
        {
            return null;
        }

        if (statement.Version != version)
        {
            throw new DbUpdateConcurrencyException($"Statement {id} changed since version {version}.");
        }

        db.Entry(statement).Property(s => s.Version).OriginalValue = version;
        return statement;
    }
}
