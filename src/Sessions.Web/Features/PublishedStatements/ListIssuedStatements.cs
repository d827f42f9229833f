using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Statements;

namespace Sessions.Web.Features.PublishedStatements;

/// <summary>
/// The issued statements of a published session, as the public reads them: by agenda item, then series and number,
/// with who submitted them (the submitter, then the co-sponsors by tier and name, in the reader's language), a page at
/// a time. The agenda items with their counts head the page so a reader can go straight to one.
/// </summary>
public static class ListIssuedStatements
{
    public const int PageSize = 50;

    public sealed record ItemCount(int AgendaItemId, string Number, string Title, int Count);

    public sealed record Row(int Id, string Symbol, string Title, string Language, StatementFormat Format, bool IsJoint, IReadOnlyList<string> Submitters, DateOnly IssuedOn);

    public sealed record ItemGroup(int AgendaItemId, string Number, string Title, bool Continued, IReadOnlyList<Row> Statements);

    public sealed record Model(
        int SessionId,
        string SessionSymbol,
        string SessionTitle,
        string BodyName,
        int? AgendaItemId,
        IReadOnlyList<ItemCount> Items,
        IReadOnlyList<ItemGroup> Groups,
        int Total,
        int Page,
        int Pages);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such published session (or no such item in it).</summary>
        public async Task<Model?> HandleAsync(int sessionId, int? agendaItemId, int page, string language)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && s.IsPublished)
                .Select(s => new { s.Id, s.Symbol, s.Title, BodyName = s.Body!.Name }).SingleOrDefaultAsync();
            if (session is null)
            {
                return null;
            }

            var issued = db.WrittenStatements.AsNoTracking().Where(w => w.SessionId == sessionId && w.Status == StatementStatus.Issued);
            var counts = await issued.GroupBy(w => w.AgendaItemId).Select(g => new { AgendaItemId = g.Key, Count = g.Count() }).ToListAsync();
            var items = (await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence)
                    .Select(a => new { a.Id, a.Number, a.Title }).ToListAsync())
                .Join(counts, a => a.Id, c => c.AgendaItemId, (a, c) => new ItemCount(a.Id, a.Number, a.Title, c.Count))
                .ToList();
            if (agendaItemId is { } itemId && items.All(i => i.AgendaItemId != itemId))
            {
                return null;
            }

            var shown = agendaItemId is { } only ? issued.Where(w => w.AgendaItemId == only) : issued;
            var total = agendaItemId is { } chosen ? items.Single(i => i.AgendaItemId == chosen).Count : items.Sum(i => i.Count);
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pages);

            var statements = await shown
                .Join(db.AgendaItems, w => w.AgendaItemId, a => a.Id, (w, a) => new { w, a.Sequence })
                .OrderBy(x => x.Sequence).ThenBy(x => x.w.Series).ThenBy(x => x.w.Number).ThenBy(x => x.w.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(x => new
                {
                    x.w.Id,
                    x.w.AgendaItemId,
                    Symbol = x.w.Symbol!,
                    x.w.Title,
                    x.w.Language,
                    x.w.Format,
                    x.w.IsJoint,
                    x.w.OrganisationId,
                    IssuedOn = x.w.IssuedOn!.Value,
                })
                .ToListAsync();

            var ids = statements.Select(s => s.Id).ToList();
            var coSponsors = (await db.StatementCoSponsors.AsNoTracking()
                    .Where(c => ids.Contains(c.WrittenStatementId) && c.Answer != CoSponsorAnswer.Declined)
                    .Select(c => new { c.WrittenStatementId, c.OrganisationId, c.Tier })
                    .ToListAsync())
                .ToLookup(c => c.WrittenStatementId);
            var names = await OrganisationNames.InAsync(db, statements.Select(s => s.OrganisationId).Concat(coSponsors.SelectMany(g => g).Select(c => c.OrganisationId)), language);

            var groups = new List<ItemGroup>();
            var firstItemOnPage = true;
            foreach (var block in statements.GroupBy(s => s.AgendaItemId))
            {
                var item = items.Single(i => i.AgendaItemId == block.Key);
                var rows = block.Select(s => new Row(
                        s.Id,
                        s.Symbol,
                        s.Title,
                        s.Language,
                        s.Format,
                        s.IsJoint,
                        [names[s.OrganisationId], .. StatementTiers.InListingOrder(coSponsors[s.Id], c => c.Tier, c => names[c.OrganisationId]).Select(c => names[c.OrganisationId])],
                        s.IssuedOn))
                    .ToList();

                // The first group of a later page carries on the item the page before ended with.
                var continued = firstItemOnPage && page > 1 && (agendaItemId is not null || items.TakeWhile(i => i.AgendaItemId != item.AgendaItemId).Sum(i => i.Count) < (page - 1) * PageSize);
                groups.Add(new ItemGroup(item.AgendaItemId, item.Number, item.Title, continued, rows));
                firstItemOnPage = false;
            }

            return new Model(session.Id, session.Symbol, session.Title, session.BodyName, agendaItemId, items, groups, total, page, pages);
        }
    }
}
