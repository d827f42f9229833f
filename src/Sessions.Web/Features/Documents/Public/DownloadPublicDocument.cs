using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Files;

namespace Sessions.Web.Features.Documents.Public;

/// <summary>
/// One language version of a distributed document of a published session, current or earlier, named by its symbol and
/// language (<see cref="DocumentFileNames.Of"/>) whatever the uploaded file was called.
/// </summary>
public static class DownloadPublicDocument
{
    public sealed record Download(string FileName, StoredFile File);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such public file; without <paramref name="revision"/>, the language's current file.</summary>
        public async Task<Download?> HandleAsync(int sessionId, int documentId, string language, int? revision)
        {
            if (!Languages.IsSupported(language))
            {
                return null;
            }

            var file = await db.DocumentFiles.AsNoTracking()
                .Where(f => f.DocumentId == documentId && f.Language == language && (revision == null || f.Revision == revision))
                .Join(db.Documents.Where(d => d.SessionId == sessionId && d.DistributedOn != null), f => f.DocumentId, d => d.Id, (f, d) => new { f, d.Symbol, d.SessionId })
                .Join(db.Sessions.Where(s => s.IsPublished), x => x.SessionId, s => s.Id, (x, s) => x)
                .OrderByDescending(x => x.f.Revision)
                .Select(x => new { x.Symbol, x.f.StoredFile })
                .FirstOrDefaultAsync();
            return file?.StoredFile is { } stored ? new Download(DocumentFileNames.Of(file.Symbol, language, stored.ContentType), stored) : null;
        }
    }
}
