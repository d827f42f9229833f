using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Delegations;

/// <summary>The focal point's home: for each organisation they act for, its delegations and the sessions still open to it.</summary>
public static class ListDelegations
{
    public sealed record DelegationRow(int Id, string SessionSymbol, string SessionTitle, DateOnly OpensOn, Capacity Capacity, RegistrationStatus Status, int Participants);

    public sealed record OpenSessionRow(int Id, string Symbol, string Title, DateOnly OpensOn, DateOnly ClosesOn);

    public sealed record OrganisationBlock(int Id, string Name, IReadOnlyList<DelegationRow> Delegations, IReadOnlyList<OpenSessionRow> OpenSessions);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        private const int MaxOpenSessions = 50;

        public async Task<IReadOnlyList<OrganisationBlock>> HandleAsync(string userId, string language)
        {
            var actedFor = db.OrganisationsActedForBy(userId);
            var organisations = await db.Organisations.AsNoTracking().Where(o => actedFor.Contains(o.Id)).OrderBy(o => o.Name)
                .Select(o => new { o.Id, Name = o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name })
                .ToListAsync();
            var delegations = (await db.DelegationsActedForBy(userId).AsNoTracking()
                    .Join(db.Sessions, d => d.SessionId, s => s.Id, (d, s) => new
                    {
                        d.OrganisationId,
                        d.SessionId,
                        d.Id,
                        s.Symbol,
                        s.Title,
                        s.OpensOn,
                        d.Capacity,
                        d.Status,
                        Participants = d.Participants.Count(p => p.Status == ParticipantStatus.Nominated || p.Status == ParticipantStatus.Confirmed
                            || p.Status == ParticipantStatus.Approved || p.Status == ParticipantStatus.Waitlisted),
                    })
                    .OrderByDescending(x => x.OpensOn)
                    .ToListAsync())
                .Select(x => (x.OrganisationId, SessionId: x.SessionId, Row: new DelegationRow(x.Id, x.Symbol, x.Title, x.OpensOn, x.Capacity, x.Status, x.Participants)))
                .ToList();

            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var open = await db.Sessions.AsNoTracking()
                .Where(s => s.IsPublished && s.ClosesOn >= today && (s.NominationDeadline == null || s.NominationDeadline > now))
                .OrderBy(s => s.OpensOn).ThenBy(s => s.Symbol)
                .Select(s => new OpenSessionRow(s.Id, s.Symbol, s.Title, s.OpensOn, s.ClosesOn))
                .Take(MaxOpenSessions)
                .ToListAsync();

            return organisations.Select(o =>
            {
                var own = delegations.Where(d => d.OrganisationId == o.Id).ToList();
                var registered = own.Select(d => d.SessionId).ToHashSet();
                return new OrganisationBlock(o.Id, o.Name, own.Select(d => d.Row).ToList(), open.Where(s => !registered.Contains(s.Id)).ToList());
            }).ToList();
        }
    }
}
