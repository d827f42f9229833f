using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Statements;

namespace Sessions.Web.Features.Statements.Published;

/// <summary>
/// The issued statements of a published session, as the public reads them: by agenda item, then series and number,
/// with who submitted them (the submitter, then the co-sponsors by tier and name, in the reader's language), a page at
/// a time. The agenda items with their counts head the page so a reader can go straight to one.
/// Every page of a session needs the whole ordered list, and reading it is most of the cost (each statement's row
/// holds its text), so the list is kept per session and language under the number of issued statements: issuing one
/// changes the number (an issued statement never leaves that state), so a new one shows at once; a renamed
/// organisation shows within a minute.
/// </summary>
public static class ListIssuedStatements
{
    public const int PageSize = 50;

    private static readonly TimeSpan _keepFor = TimeSpan.FromMinutes(1);

    // Keyed by database too: several hosts (the test suite) share the process.
    private static readonly MemoryCache _lists = new(new MemoryCacheOptions { SizeLimit = 100 });

    public sealed record ItemCount(int AgendaItemId, string Number, TranslatedText Title, int Count);

    public sealed record Row(int Id, int AgendaItemId, string Symbol, string Title, string Language, StatementFormat Format, IReadOnlyList<string> Submitters, DateOnly IssuedOn);

    public sealed record ItemGroup(int AgendaItemId, string Number, TranslatedText Title, bool Continued, IReadOnlyList<Row> Statements);

    public sealed record Model(
        int SessionId,
        string SessionSymbol,
        TranslatedText SessionTitle,
        TranslatedText BodyName,
        int? AgendaItemId,
        IReadOnlyList<ItemCount> Items,
        IReadOnlyList<ItemGroup> Groups,
        int Total,
        int Page,
        int Pages);

    private sealed record Listed(IReadOnlyList<ItemCount> Items, IReadOnlyList<Row> Rows);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such published session (or no issued statement on the chosen item).</summary>
        public async Task<Model?> HandleAsync(int sessionId, int? agendaItemId, int page, string language)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.IsPublished)
                .Select(s => new { s.Id, s.Symbol, s.Title, BodyName = s.Body!.Name }).SingleOrDefaultAsync();
            if (session is null)
            {
                return null;
            }

            var issuedCount = await db.WrittenStatements.CountAsync(w => w.SessionId == sessionId && w.Status == StatementStatus.Issued);
            var key = $"{db.Database.GetConnectionString()}|{sessionId}|{language}|{issuedCount}";
            if (!_lists.TryGetValue(key, out Listed? listed) || listed is null)
            {
                listed = await ReadAsync(sessionId, language);
                _lists.Set(key, listed, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _keepFor, Size = 1 });
            }

            if (agendaItemId is { } itemId && listed.Items.All(i => i.AgendaItemId != itemId))
            {
                return null;
            }

            var shown = agendaItemId is { } only ? listed.Rows.Where(r => r.AgendaItemId == only).ToList() : listed.Rows;
            var pages = Math.Max(1, (shown.Count + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pages);
            var first = (page - 1) * PageSize;
            var groups = shown.Skip(first).Take(PageSize)
                .GroupBy(r => r.AgendaItemId)
                .Select((block, i) =>
                {
                    var item = listed.Items.Single(x => x.AgendaItemId == block.Key);
                    // The first group of a later page carries on the item the page before ended with.
                    var continued = i == 0 && first > 0 && shown[first - 1].AgendaItemId == block.Key;
                    return new ItemGroup(item.AgendaItemId, item.Number, item.Title, continued, block.ToList());
                })
                .ToList();
            return new Model(session.Id, session.Symbol, session.Title, session.BodyName, agendaItemId, listed.Items, groups, shown.Count, page, pages);
        }

        /// <summary>The whole ordered list in three small queries: the statements (never their text), their co-sponsors, the names.</summary>
        private async Task<Listed> ReadAsync(int sessionId, string language)
        {
            var statements = await db.WrittenStatements.AsNoTracking()
                .Where(w => w.SessionId == sessionId && w.Status == StatementStatus.Issued)
                .Join(db.AgendaItems, w => w.AgendaItemId, a => a.Id, (w, a) => new
                {
                    w.Id,
                    w.AgendaItemId,
                    a.Sequence,
                    w.Series,
                    w.Number,
                    Symbol = w.Symbol!,
                    w.Title,
                    w.Language,
                    w.Format,
                    w.OrganisationId,
                    IssuedOn = w.IssuedOn!.Value,
                })
                .ToListAsync();
            var coSponsors = (await db.StatementCoSponsors.AsNoTracking()
                    .Where(c => c.Answer != CoSponsorAnswer.Declined)
                    .Join(db.WrittenStatements.Where(w => w.SessionId == sessionId && w.Status == StatementStatus.Issued), c => c.WrittenStatementId, w => w.Id, (c, w) => new { c.WrittenStatementId, c.OrganisationId, c.Tier })
                    .ToListAsync())
                .ToLookup(c => c.WrittenStatementId);
            var names = await OrganisationNames.InAsync(db, statements.Select(s => s.OrganisationId).Concat(coSponsors.SelectMany(g => g).Select(c => c.OrganisationId)), language);
            var items = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence)
                .Select(a => new { a.Id, a.Number, a.Title }).ToListAsync();

            var rows = statements
                .OrderBy(s => s.Sequence).ThenBy(s => s.Series, StringComparer.Ordinal).ThenBy(s => s.Number).ThenBy(s => s.Id)
                .Select(s => new Row(
                    s.Id,
                    s.AgendaItemId,
                    s.Symbol,
                    s.Title,
                    s.Language,
                    s.Format,
                    [names[s.OrganisationId], .. StatementTiers.InListingOrder(coSponsors[s.Id], c => c.Tier, c => names[c.OrganisationId]).Select(c => names[c.OrganisationId])],
                    s.IssuedOn))
                .ToList();
            var counts = rows.CountBy(r => r.AgendaItemId).ToDictionary();
            var listedItems = items.Where(i => counts.ContainsKey(i.Id)).Select(i => new ItemCount(i.Id, i.Number, i.Title, counts[i.Id])).ToList();
            return new Listed(listedItems, rows);
        }
    }
}
