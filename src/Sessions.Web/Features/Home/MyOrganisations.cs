using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;
using Sessions.Web.Features.Bodies;
using Sessions.Web.Features.Registration.Delegations;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Home;

/// <summary>
/// A focal point's organisations: for each one acted for, its accreditations, its delegations (to the sessions not yet
/// closed first, then the latest past ones: status, deadlines, participants counted by status, badges) and the open sessions it may register for.
/// A fixed number of queries, however many organisations and sessions.
/// </summary>
public static class MyOrganisations
{
    public const int MaxDelegations = 30;
    public const int MaxPastDelegations = 10;

    public sealed record AccreditationRow(AccreditationBasis Basis, AccreditationStatus Status, TranslatedText? BodyName);

    public sealed record StatusCount(ParticipantStatus Status, int Count);

    public sealed record DelegationRow(
        int Id,
        int SessionId,
        string SessionSymbol,
        TranslatedText SessionTitle,
        DateOnly OpensOn,
        DateOnly ClosesOn,
        string TimeZoneId,
        RegistrationStatus Status,
        DateTime? NominationDeadline,
        DateTime? RegistrationDeadline,
        DateTime StatementDeadline,
        IReadOnlyList<StatusCount> Participants,
        int Badges,
        bool IsPast);

    public sealed record OrganisationBlock(
        int Id,
        string Name,
        bool NeedsAccreditation,
        IReadOnlyList<AccreditationRow> Accreditations,
        IReadOnlyList<DelegationRow> Delegations,
        IReadOnlyList<RegistrationOffers.Offer> Offers);

    public sealed record Model(IReadOnlyList<OrganisationBlock> Organisations, bool MoreDelegations);

    /// <summary>The order participants' counts are shown in.</summary>
    private static readonly ParticipantStatus[] _countOrder =
        [ParticipantStatus.Nominated, ParticipantStatus.Confirmed, ParticipantStatus.Approved, ParticipantStatus.Waitlisted, ParticipantStatus.Rejected, ParticipantStatus.Withdrawn];

    private sealed class DelegationColumns
    {
        public int Id { get; init; }
        public int OrganisationId { get; init; }
        public int SessionId { get; init; }
        public string Symbol { get; init; } = "";
        public TranslatedText Title { get; init; } = null!;
        public DateOnly OpensOn { get; init; }
        public DateOnly ClosesOn { get; init; }
        public string TimeZoneId { get; init; } = "";
        public RegistrationStatus Status { get; init; }
        public DateTime? NominationDeadline { get; init; }
        public DateTime? RegistrationDeadline { get; init; }
        public DateTime? StatementDeadline { get; init; }
    }

    public sealed class Handler(SessionsDbContext db, TimeProvider clock, RegistrationOffers.Handler offers)
    {
        public async Task<Model> HandleAsync(string userId, string language, CancellationToken cancellationToken = default)
        {
            var actedFor = db.OrganisationsActedForBy(userId);
            var organisations = await db.Organisations.AsNoTracking().Where(o => actedFor.Contains(o.Id))
                .Select(o => new { o.Id, o.Category, Name = o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name })
                .ToListAsync(cancellationToken);
            if (organisations.Count == 0)
            {
                return new Model([], false);
            }

            var ids = organisations.Select(o => o.Id).ToList();
            var bodyNames = await BodyNames.LoadAsync(db, cancellationToken);
            var accreditations = (await db.Accreditations.AsNoTracking().Where(a => ids.Contains(a.OrganisationId))
                    .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
                    .Select(a => new { a.OrganisationId, a.BodyId, Row = new AccreditationRow(a.Basis, a.Status, null) })
                    .ToListAsync(cancellationToken))
                .ToLookup(a => a.OrganisationId, a => a.Row with { BodyName = bodyNames.Of(a.BodyId) });

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var all = db.Delegations.AsNoTracking().Where(d => ids.Contains(d.OrganisationId))
                .Join(db.Sessions, d => d.SessionId, s => s.Id, (d, s) => new DelegationColumns
                {
                    Id = d.Id,
                    OrganisationId = d.OrganisationId,
                    SessionId = s.Id,
                    Symbol = s.Symbol,
                    Title = s.Title,
                    OpensOn = s.OpensOn,
                    ClosesOn = s.ClosesOn,
                    TimeZoneId = s.TimeZoneId,
                    Status = d.Status,
                    NominationDeadline = s.NominationDeadline,
                    RegistrationDeadline = s.RegistrationDeadline,
                    StatementDeadline = s.StatementDeadline,
                });
            var upcoming = await all.Where(x => x.ClosesOn >= today).OrderBy(x => x.OpensOn).ThenBy(x => x.Symbol).ThenBy(x => x.Id)
                .Take(MaxDelegations + 1).ToListAsync(cancellationToken);
            var past = await all.Where(x => x.ClosesOn < today).OrderByDescending(x => x.OpensOn).ThenBy(x => x.Symbol).ThenBy(x => x.Id)
                .Take(MaxPastDelegations + 1).ToListAsync(cancellationToken);
            var more = upcoming.Count > MaxDelegations || past.Count > MaxPastDelegations;
            var delegations = upcoming.Take(MaxDelegations).Concat(past.Take(MaxPastDelegations)).ToList();

            var delegationIds = delegations.Select(d => d.Id).ToList();
            var counts = (await db.Participants.AsNoTracking().Where(p => delegationIds.Contains(p.DelegationId))
                    .GroupBy(p => new { p.DelegationId, p.Status })
                    .Select(g => new
                    {
                        g.Key.DelegationId,
                        g.Key.Status,
                        Count = g.Count(),
                        Badges = g.Count(p => p.Status == ParticipantStatus.Approved && p.BadgeToken != null && p.BadgeRevokedAt == null),
                    })
                    .ToListAsync(cancellationToken))
                .ToLookup(c => c.DelegationId);

            var offered = (await offers.HandleAsync(userId, language, cancellationToken: cancellationToken)).ToLookup(o => o.OrganisationId);
            var byName = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true);
            return new Model(
                organisations.OrderBy(o => o.Name, byName).Select(o => new OrganisationBlock(
                    o.Id,
                    o.Name,
                    Capacities.NeedsAccreditation(o.Category),
                    accreditations[o.Id].ToList(),
                    delegations.Where(d => d.OrganisationId == o.Id).Select(d => new DelegationRow(
                        d.Id,
                        d.SessionId,
                        d.Symbol,
                        d.Title,
                        d.OpensOn,
                        d.ClosesOn,
                        d.TimeZoneId,
                        d.Status,
                        d.NominationDeadline is { } nomination ? VenueClock.ToLocal(nomination, d.TimeZoneId) : null,
                        d.RegistrationDeadline is { } registration ? VenueClock.ToLocal(registration, d.TimeZoneId) : null,
                        VenueClock.ToLocal(StatementRules.DeadlineOf(d.StatementDeadline, d.OpensOn, d.TimeZoneId), d.TimeZoneId),
                        _countOrder.Select(s => new StatusCount(s, counts[d.Id].Where(c => c.Status == s).Sum(c => c.Count))).Where(c => c.Count > 0).ToList(),
                        counts[d.Id].Sum(c => c.Badges),
                        d.ClosesOn < today)).ToList(),
                    offered[o.Id].ToList())).ToList(),
                more);
        }
    }
}
