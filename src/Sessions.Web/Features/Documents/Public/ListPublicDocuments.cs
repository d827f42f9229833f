using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Statements;

namespace Sessions.Web.Features.Documents.Public;

/// <summary>
/// The documents of a published session as the public reads them: the distributed documents (never a draft) and the
/// issued written statements, grouped by agenda item in agenda order (a document under several items under each, one
/// under none among the other documents), by symbol within an item, filtered by kind, language, agenda item and a
/// search over the symbol and the title in every language. The same few queries whatever the number of documents (the
/// documents, then all their agenda items, then all their languages); the filters run over what they read, so that the
/// search ignores case in every script (SQLite's LIKE only knows ASCII). What they read is kept per session and language
/// under the number of distributed documents, the last file uploaded and the number of issued statements, read with the
/// session: a document distributed (or made a draft again), a new language version or a statement issued shows at once,
/// a title or flag changed within a minute.
/// </summary>
public static class ListPublicDocuments
{
    /// <summary>How long a read list (and the rows rendered from it, the view's cache tag) is kept under its stamp.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);

    // Keyed by database too: several hosts (the test suite) share the process.
    private static readonly MemoryCache _lists = new(new MemoryCacheOptions { SizeLimit = 100 });

    /// <summary>The kind filter's value for written statements (the others are <see cref="DocumentKind"/>'s names).</summary>
    public const string StatementKind = "Statement";

    public sealed record Filter(string? Kind, string? Language, string? Q, int? Item)
    {
        public bool IsEmpty => string.IsNullOrEmpty(Kind) && string.IsNullOrEmpty(Language) && string.IsNullOrWhiteSpace(Q) && Item is null;
    }

    public sealed record AgendaItemChoice(int Id, string Number, TranslatedText Title);

    /// <summary>
    /// One document or written statement. <see cref="Languages"/> are the languages it can be read in, the reader's first,
    /// then in the UN order; <see cref="Kind"/> is null for a written statement.
    /// </summary>
    public sealed record Row(
        int Id,
        DocumentKind? Kind,
        string Symbol,
        TextIn Title,
        DateOnly Date,
        bool AdvanceUnedited,
        bool Reissued,
        bool IsDemo,
        string OriginalLanguage,
        IReadOnlyList<string> Languages)
    {
        public bool IsStatement => Kind is null;
    }

    /// <summary>The documents under one agenda item, or under none (<see cref="AgendaItemId"/> null: "Other documents").</summary>
    public sealed record Group(int? AgendaItemId, string? Number, TranslatedText? Title, IReadOnlyList<Row> Rows);

    public sealed record Model(
        int SessionId,
        string SessionSymbol,
        TranslatedText SessionTitle,
        TranslatedText BodyName,
        string Reader,
        Filter Filter,
        IReadOnlyList<AgendaItemChoice> AgendaItems,
        IReadOnlyList<Group> Groups,
        int Shown,
        int Published)
    {
        /// <summary>The rendered rows are kept under the read list's stamp and the filter: rendering 500 rows is most of the page's cost.</summary>
        public string RenderKey { get; init; } = "";
    }

    private sealed record Listed(Row Row, IReadOnlyList<int> AgendaItemIds, string? SearchText);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such published session, or the agenda item filtered on is not one of its.</summary>
        public async Task<Model?> HandleAsync(int sessionId, Filter filter, string reader)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.IsPublished)
                .Select(s => new
                {
                    s.Id,
                    s.Symbol,
                    s.Title,
                    BodyName = s.Body!.Name,
                    Distributed = db.Documents.Count(d => d.SessionId == s.Id && d.DistributedOn != null),
                    LastFile = db.DocumentFiles.Where(f => db.Documents.Any(d => d.Id == f.DocumentId && d.SessionId == s.Id)).Max(f => (int?)f.Id),
                    Issued = db.WrittenStatements.Count(w => w.SessionId == s.Id && w.Status == StatementStatus.Issued),
                })
                .SingleOrDefaultAsync();
            if (session is null)
            {
                return null;
            }

            var items = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence)
                .Select(a => new AgendaItemChoice(a.Id, a.Number, a.Title)).ToListAsync();
            if (filter.Item is { } wanted && items.All(i => i.Id != wanted))
            {
                return null;
            }

            var key = $"{db.Database.GetConnectionString()}|{sessionId}|{reader}|{session.Distributed}|{session.LastFile}|{session.Issued}";
            if (!_lists.TryGetValue(key, out List<Listed>? listed) || listed is null)
            {
                listed = await DocumentsAsync(sessionId, reader);
                listed.AddRange(await StatementsAsync(sessionId));
                _lists.Set(key, listed, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = KeepFor, Size = 1 });
            }

            var shown = listed.Where(l => Matches(l, filter)).ToList();

            var groups = new List<Group>();
            foreach (var item in items.Where(i => filter.Item is null || i.Id == filter.Item))
            {
                var rows = Ordered(shown.Where(l => l.AgendaItemIds.Contains(item.Id)));
                if (rows.Count > 0)
                {
                    groups.Add(new Group(item.Id, item.Number, item.Title, rows));
                }
            }

            var others = filter.Item is null ? Ordered(shown.Where(l => l.AgendaItemIds.Count == 0)) : [];
            if (others.Count > 0)
            {
                groups.Add(new Group(null, null, null, others));
            }

            return new Model(session.Id, session.Symbol, session.Title, session.BodyName, reader, filter, items, groups, shown.Count, listed.Count) { RenderKey = $"{key}|{filter}" };
        }

        private async Task<List<Listed>> DocumentsAsync(int sessionId, string reader)
        {
            var distributed = db.Documents.Where(d => d.SessionId == sessionId && d.DistributedOn != null);
            var documents = await distributed.AsNoTracking()
                .Select(d => new
                {
                    d.Id,
                    d.Kind,
                    d.Symbol,
                    d.Title,
                    DistributedOn = d.DistributedOn!.Value,
                    d.AdvanceUnedited,
                    d.ReissuedForTechnicalReasons,
                    d.IsDemo,
                })
                .ToListAsync();
            // The agenda items and the languages of all the documents in one query each (never one per document).
            var items = (await db.DocumentAgendaItems.AsNoTracking()
                    .Join(distributed, a => a.DocumentId, d => d.Id, (a, d) => new { a.DocumentId, a.AgendaItemId })
                    .ToListAsync())
                .ToLookup(a => a.DocumentId, a => a.AgendaItemId);
            var languages = (await db.DocumentFiles.AsNoTracking()
                    .Join(distributed, f => f.DocumentId, d => d.Id, (f, d) => new { f.DocumentId, f.Language })
                    .Distinct()
                    .ToListAsync())
                .ToLookup(f => f.DocumentId, f => f.Language);
            return documents.Select(d =>
            {
                var row = new Row(
                    d.Id,
                    d.Kind,
                    d.Symbol,
                    d.Title.In(reader),
                    d.DistributedOn,
                    d.AdvanceUnedited,
                    d.ReissuedForTechnicalReasons,
                    d.IsDemo,
                    d.Title.OriginalLanguage,
                    ReaderFirst(languages[d.Id].ToHashSet(), reader));
                var titles = Core.Common.Languages.All.Select(d.Title.Written).OfType<string>();
                return new Listed(row, items[d.Id].ToList(), string.Join('\n', titles));
            }).ToList();
        }

        private async Task<List<Listed>> StatementsAsync(int sessionId)
        {
            var statements = await db.WrittenStatements.AsNoTracking()
                .Where(w => w.SessionId == sessionId && w.Status == StatementStatus.Issued)
                .Select(w => new { w.Id, Symbol = w.Symbol!, w.Title, w.Language, w.AgendaItemId, IssuedOn = w.IssuedOn!.Value })
                .ToListAsync();
            return statements
                .Select(w => new Listed(new Row(w.Id, null, w.Symbol, new TextIn(w.Title, w.Language), w.IssuedOn, false, false, false, w.Language, [w.Language]), [w.AgendaItemId], w.Title))
                .ToList();
        }

        private static List<string> ReaderFirst(IReadOnlySet<string> languages, string reader) =>
            [.. Core.Common.Languages.All.Where(languages.Contains).OrderBy(l => l == reader ? 0 : 1)];

        private static bool Matches(Listed listed, Filter filter)
        {
            var row = listed.Row;
            if (!string.IsNullOrEmpty(filter.Kind))
            {
                var kind = row.Kind?.ToString() ?? StatementKind;
                if (!string.Equals(kind, filter.Kind, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            if (!string.IsNullOrEmpty(filter.Language) && !row.Languages.Contains(filter.Language))
            {
                return false;
            }

            if (filter.Q?.Trim() is { Length: > 0 } q)
            {
                var compare = CultureInfo.InvariantCulture.CompareInfo;
                const CompareOptions ignoringCase = CompareOptions.IgnoreCase | CompareOptions.IgnoreWidth | CompareOptions.IgnoreKanaType;
                return compare.IndexOf(row.Symbol, q, ignoringCase) >= 0 || (listed.SearchText is { } text && compare.IndexOf(text, q, ignoringCase) >= 0);
            }

            return true;
        }

        private static List<Row> Ordered(IEnumerable<Listed> listed) =>
            listed.Select(l => l.Row).OrderBy(r => r.Symbol, SymbolOrder.Instance).ThenBy(r => r.Id).ToList();
    }
}
