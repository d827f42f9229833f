using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;

namespace Sessions.Web.Features.Documents.Public;

/// <summary>
/// A distributed document of a published session as the public reads it: its symbol, its title in every language it
/// exists in, kind, agenda items, date of distribution and flags, each language version (the current file, the original
/// marked) and the earlier files of each language, newest first.
/// </summary>
public static class ShowPublicDocument
{
    public sealed record FileRow(int Revision, DateTime UploadedAt, long Size, string ContentType);

    /// <summary>One language version: its current file and the ones it replaced.</summary>
    public sealed record LanguageVersion(string Language, bool IsOriginal, FileRow Current, IReadOnlyList<FileRow> Earlier);

    public sealed record AgendaItemRow(int Id, string Number, TranslatedText Title);

    public sealed record Model(
        int SessionId,
        string SessionSymbol,
        TranslatedText SessionTitle,
        int Id,
        string Symbol,
        DocumentKind Kind,
        TranslatedText Title,
        DateOnly DistributedOn,
        bool AdvanceUnedited,
        bool Reissued,
        bool IsDemo,
        IReadOnlyList<AgendaItemRow> AgendaItems,
        IReadOnlyList<LanguageVersion> Versions);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null unless the document is distributed and belongs to this published session.</summary>
        public async Task<Model?> HandleAsync(int sessionId, int documentId)
        {
            var document = await db.Documents.AsNoTracking()
                .Where(d => d.Id == documentId && d.SessionId == sessionId && d.DistributedOn != null)
                .Join(db.Sessions.Where(s => s.IsPublished), d => d.SessionId, s => s.Id, (d, s) => new
                {
                    d.Id,
                    d.Symbol,
                    d.Kind,
                    d.Title,
                    DistributedOn = d.DistributedOn!.Value,
                    d.AdvanceUnedited,
                    d.ReissuedForTechnicalReasons,
                    d.IsDemo,
                    SessionSymbol = s.Symbol,
                    SessionTitle = s.Title,
                })
                .SingleOrDefaultAsync();
            if (document is null)
            {
                return null;
            }

            var items = await db.DocumentAgendaItems.AsNoTracking().Where(x => x.DocumentId == documentId)
                .Join(db.AgendaItems, x => x.AgendaItemId, a => a.Id, (x, a) => a)
                .OrderBy(a => a.Sequence)
                .Select(a => new AgendaItemRow(a.Id, a.Number, a.Title))
                .ToListAsync();
            var files = await db.DocumentFiles.AsNoTracking().Where(f => f.DocumentId == documentId)
                .Select(f => new { f.Language, Row = new FileRow(f.Revision, f.UploadedAt, f.StoredFile!.Size, f.StoredFile.ContentType) })
                .ToListAsync();
            var versions = files.GroupBy(f => f.Language)
                .OrderBy(g => Languages.All.ToList().IndexOf(g.Key))
                .Select(g =>
                {
                    var newestFirst = g.Select(f => f.Row).OrderByDescending(f => f.Revision).ToList();
                    return new LanguageVersion(g.Key, g.Key == document.Title.OriginalLanguage, newestFirst[0], newestFirst.Skip(1).ToList());
                })
                .ToList();
            return new Model(
                sessionId,
                document.SessionSymbol,
                document.SessionTitle,
                document.Id,
                document.Symbol,
                document.Kind,
                document.Title,
                document.DistributedOn,
                document.AdvanceUnedited,
                document.ReissuedForTechnicalReasons,
                document.IsDemo,
                items,
                versions);
        }
    }
}
