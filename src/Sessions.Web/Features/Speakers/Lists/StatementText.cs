using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Files;

namespace Sessions.Web.Features.Speakers.Lists;

/// <summary>The text of the statement attached to a slot: for the secretariat, and for the delegation that asked for the floor.</summary>
public static class StatementText
{
    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<StoredFile?> FindAsync(int inscriptionId, string userId, bool isSecretariat)
        {
            var inscriptions = db.Inscriptions.AsNoTracking().Where(i => i.Id == inscriptionId);
            if (!isSecretariat)
            {
                inscriptions = inscriptions.Where(i => db.DelegationsSpokenForBy(userId).Select(d => d.Id).Contains(i.DelegationId));
            }

            var fileId = await inscriptions.Select(i => i.StatementFileId).SingleOrDefaultAsync();
            return fileId is null ? null : await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId);
        }
    }
}
