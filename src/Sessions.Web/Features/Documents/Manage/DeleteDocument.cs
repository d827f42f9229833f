using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Documents.Manage;

/// <summary>
/// Deletes a draft document with its files (records and bytes). A distributed document has been public: it is not
/// deleted (make it a draft first, by emptying its date of distribution).
/// </summary>
public static class DeleteDocument
{
    public sealed class Handler(SessionsDbContext db, IFileStore store, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> ConfirmationAsync(int sessionId, int documentId, CancellationToken cancellationToken = default)
        {
            var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId && d.SessionId == sessionId)
                .Select(d => new { d.Symbol, Files = db.DocumentFiles.Count(f => f.DocumentId == d.Id) }).SingleOrDefaultAsync(cancellationToken);
            return document is null
                ? null
                : new Confirmation(
                    t["Delete the draft document {0}?", document.Symbol],
                    [t.Plural("Its {0} uploaded files are deleted with it.", document.Files)],
                    t["Delete the document"],
                    $"/sessions/manage/{sessionId}/documents/{documentId}");
        }

        /// <summary>False when it is not a document of the session; refuses a distributed one; a concurrency exception when it changed since the page was read.</summary>
        public async Task<bool> HandleAsync(int sessionId, int documentId, Guid version, CancellationToken cancellationToken = default)
        {
            var document = await db.Documents.Include(d => d.Files).ThenInclude(f => f.StoredFile)
                .SingleOrDefaultAsync(d => d.Id == documentId && d.SessionId == sessionId, cancellationToken);
            if (document is null)
            {
                return false;
            }

            if (!document.IsDraft)
            {
                throw new DomainException("Only a draft can be deleted: empty its date of distribution first.");
            }

            db.Entry(document).Property(d => d.Version).OriginalValue = version;
            var stored = document.Files.Select(f => f.StoredFile!).ToList();
            db.Documents.Remove(document);
            db.StoredFiles.RemoveRange(stored);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var file in stored)
            {
                store.Delete(file);
            }

            return true;
        }
    }
}
