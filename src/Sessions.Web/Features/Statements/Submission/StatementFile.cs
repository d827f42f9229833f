using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Files;

namespace Sessions.Web.Features.Statements.Submission;

/// <summary>The file a statement was submitted as, for those who may reach the statement (the secretariat included).</summary>
public static class StatementFile
{
    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<StoredFile?> FindAsync(int id, string userId, bool isSecretariat, CancellationToken cancellationToken = default)
        {
            var fileId = await db.StatementsReachableBy(userId, isSecretariat).AsNoTracking().Where(s => s.Id == id).Select(s => s.FileId).SingleOrDefaultAsync(cancellationToken);
            return fileId is null ? null : await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        }
    }
}
