using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;

namespace Sessions.Web.Features.Documents.Manage;

/// <summary>
/// The secretariat's list of a session's documents, drafts included, with the language matrix: which of the six
/// versions each document has and which are still missing. Filters: a kind, drafts only, and "missing a language"
/// (any, or one language), as the dashboard's warning links to it.
/// </summary>
public static class ListDocuments
{
    public const int PageSize = 100;

    /// <summary>"any": missing at least one language; a language code: missing that one.</summary>
    public const string MissingAny = "any";

    public sealed record Filter(DocumentKind? Kind, string? Missing, bool Drafts, int Page);

    public sealed record Row(int Id, string Symbol, DocumentKind Kind, TranslatedText Title, IReadOnlyList<string> AgendaItems, DateOnly? DistributedOn, bool AdvanceUnedited, bool Reissued, IReadOnlySet<string> Languages)
    {
        public bool IsDraft => DistributedOn is null;
        public IEnumerable<string> Missing => Core.Common.Languages.All.Where(l => !Languages.Contains(l));
    }

    public sealed record Model(int SessionId, string SessionSymbol, Filter Filter, IReadOnlyList<Row> Rows, int Total, int Pages, int AllDocuments);

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model?> HandleAsync(int sessionId, Filter filter, CancellationToken cancellationToken = default)
        {
            var symbol = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleOrDefaultAsync(cancellationToken);
            if (symbol is null)
            {
                return null;
            }

            var all = db.Documents.AsNoTracking().Where(d => d.SessionId == sessionId);
            var documents = all;
            if (filter.Kind is { } kind)
            {
                documents = documents.Where(d => d.Kind == kind);
            }

            if (filter.Drafts)
            {
                documents = documents.Where(d => d.DistributedOn == null);
            }

            var missing = filter.Missing;
            if (missing == MissingAny)
            {
                documents = documents.Where(d => db.DocumentFiles.Where(f => f.DocumentId == d.Id).Select(f => f.Language).Distinct().Count() < Core.Common.Languages.All.Count);
            }
            else if (Core.Common.Languages.IsSupported(missing))
            {
                documents = documents.Where(d => !db.DocumentFiles.Any(f => f.DocumentId == d.Id && f.Language == missing));
            }
            else
            {
                missing = null;
            }

            var total = await documents.CountAsync(cancellationToken);
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(filter.Page, 1, pages);
            var listed = await documents.OrderBy(d => d.Kind).ThenBy(d => d.Symbol)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(d => new { d.Id, d.Symbol, d.Kind, d.Title, d.DistributedOn, d.AdvanceUnedited, d.ReissuedForTechnicalReasons })
                .ToListAsync(cancellationToken);
            var ids = listed.Select(d => d.Id).ToList();
            var items = (await (
                    from link in db.DocumentAgendaItems.AsNoTracking()
                    where ids.Contains(link.DocumentId)
                    join item in db.AgendaItems on link.AgendaItemId equals item.Id
                    orderby item.Sequence
                    select new { link.DocumentId, item.Number })
                .ToListAsync(cancellationToken))
                .ToLookup(x => x.DocumentId, x => x.Number);
            var languages = (await db.DocumentFiles.AsNoTracking().Where(f => ids.Contains(f.DocumentId))
                    .Select(f => new { f.DocumentId, f.Language }).Distinct().ToListAsync(cancellationToken))
                .ToLookup(x => x.DocumentId, x => x.Language);
            var rows = listed.Select(d => new Row(d.Id, d.Symbol, d.Kind, d.Title, items[d.Id].ToList(), d.DistributedOn, d.AdvanceUnedited, d.ReissuedForTechnicalReasons, languages[d.Id].ToHashSet())).ToList();
            return new Model(sessionId, symbol, filter with { Missing = missing, Page = page }, rows, total, pages, await all.CountAsync(cancellationToken));
        }
    }
}
