using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Files;

namespace Sessions.Web.Features.Documents.Manage;

/// <summary>Any file of a session's document for the secretariat, drafts and earlier revisions included, named by its symbol and language.</summary>
public static class DownloadDocumentFile
{
    public sealed record Download(string FileName, StoredFile File);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when the file is not one of the session's documents'.</summary>
        public async Task<Download?> HandleAsync(int sessionId, int documentId, int fileId, CancellationToken cancellationToken = default)
        {
            var found = await (
                    from f in db.DocumentFiles.AsNoTracking()
                    where f.Id == fileId && f.DocumentId == documentId
                    join d in db.Documents.Where(d => d.SessionId == sessionId) on f.DocumentId equals d.Id
                    join s in db.StoredFiles on f.StoredFileId equals s.Id
                    select new { d.Symbol, f.Language, File = s })
                .SingleOrDefaultAsync(cancellationToken);
            return found is null ? null : new Download(DocumentFileNames.Of(found.Symbol, found.Language, found.File.ContentType), found.File);
        }
    }
}
