using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>
/// The focal point's home: for each organisation they act for, its delegations (newest session first, paged
/// across organisations) and the sessions still open to it.
/// </summary>
public static class ListDelegations
{
    public const int PageSize = 25;

    public sealed record DelegationRow(int Id, string SessionSymbol, TranslatedText SessionTitle, DateOnly OpensOn, Capacity Capacity, RegistrationStatus Status, int Participants);

    public sealed record OpenSessionRow(int Id, string Symbol, TranslatedText Title, DateOnly OpensOn, DateOnly ClosesOn);

    public sealed record OrganisationBlock(int Id, string Name, IReadOnlyList<DelegationRow> Delegations, IReadOnlyList<OpenSessionRow> OpenSessions);

    public sealed record Model(IReadOnlyList<OrganisationBlock> Organisations, int Page, int PageCount);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        private const int MaxOpenSessions = 50;

        public async Task<Model> HandleAsync(string userId, string language, int page = 1)
        {
            var actedFor = db.OrganisationsActedForBy(userId);
            var organisations = await db.Organisations.AsNoTracking().Where(o => actedFor.Contains(o.Id)).OrderBy(o => o.Name)
                .Select(o => new { o.Id, Name = o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name })
                .ToListAsync();
            var all = db.DelegationsActedForBy(userId).AsNoTracking();
            var total = await all.CountAsync();
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pageCount);
            var delegations = (await all
                    .Join(db.Sessions, d => d.SessionId, s => s.Id, (d, s) => new
                    {
                        d.OrganisationId,
                        d.Id,
                        s.Symbol,
                        s.Title,
                        s.OpensOn,
                        d.Capacity,
                        d.Status,
                        Participants = d.Participants.Count(p => Participant.InTheRunning.Contains(p.Status)),
                    })
                    .OrderByDescending(x => x.OpensOn)
                    .ThenByDescending(x => x.Id)
                    .Skip((page - 1) * PageSize)
                    .Take(PageSize)
                    .ToListAsync())
                .Select(x => (x.OrganisationId, Row: new DelegationRow(x.Id, x.Symbol, x.Title, x.OpensOn, x.Capacity, x.Status, x.Participants)))
                .ToList();

            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var openSessions = db.Sessions.AsNoTracking()
                .Where(s => s.IsPublished && s.ClosesOn >= today && (s.NominationDeadline == null || s.NominationDeadline > now));
            var open = await openSessions
                .OrderBy(s => s.OpensOn).ThenBy(s => s.Symbol)
                .Select(s => new OpenSessionRow(s.Id, s.Symbol, s.Title, s.OpensOn, s.ClosesOn))
                .Take(MaxOpenSessions)
                .ToListAsync();

            // Whatever page is shown, a session an organisation has registered for is not offered again.
            var openIds = open.Select(s => s.Id).ToList();
            var registered = (await all.Where(d => openIds.Contains(d.SessionId)).Select(d => new { d.OrganisationId, d.SessionId }).ToListAsync())
                .ToLookup(d => d.OrganisationId, d => d.SessionId);

            var blocks = organisations.Select(o =>
            {
                var taken = registered[o.Id].ToHashSet();
                return new OrganisationBlock(
                    o.Id,
                    o.Name,
                    delegations.Where(d => d.OrganisationId == o.Id).Select(d => d.Row).ToList(),
                    open.Where(s => !taken.Contains(s.Id)).ToList());
            }).ToList();
            return new Model(blocks, page, pageCount);
        }
    }
}
