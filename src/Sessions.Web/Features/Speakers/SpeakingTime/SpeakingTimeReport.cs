using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Speakers;

namespace Sessions.Web.Features.Speakers.SpeakingTime;

/// <summary>
/// Who spoke in a session (or on one agenda item), how often and for how long: by delegation, by capacity and in
/// all. Only those who spoke count, for the time the console's timer measured (pauses excluded); the sums are
/// made by the database.
/// </summary>
public static class SpeakingTimeReport
{
    public sealed record Figures(int Count, int TotalSeconds, double AverageSeconds);

    public sealed record DelegationRow(int DelegationId, string Organisation, Capacity Capacity, Figures Figures);

    public sealed record CapacityRow(Capacity Capacity, Figures Figures);

    public sealed record AgendaItemChoice(int Id, string Number, TranslatedText Title);

    public sealed class Model
    {
        public int SessionId { get; init; }
        public string Symbol { get; init; } = "";
        public TranslatedText Title { get; init; } = null!;
        public int? AgendaItemId { get; init; }
        public IReadOnlyList<AgendaItemChoice> AgendaItems { get; init; } = [];
        public IReadOnlyList<DelegationRow> ByDelegation { get; init; } = [];
        public IReadOnlyList<CapacityRow> ByCapacity { get; init; } = [];
        public Figures Total { get; init; } = new(0, 0, 0);
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when the session does not exist, or the agenda item is not one of its items.</summary>
        public async Task<Model?> HandleAsync(int sessionId, int? agendaItemId, CancellationToken cancellationToken)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.Symbol, s.Title }).SingleOrDefaultAsync(cancellationToken);
            if (session is null)
            {
                return null;
            }

            var items = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId)
                .OrderBy(a => a.Sequence).Select(a => new AgendaItemChoice(a.Id, a.Number, a.Title)).ToListAsync(cancellationToken);
            if (agendaItemId is { } itemId && items.All(a => a.Id != itemId))
            {
                return null;
            }

            var language = Cultures.Current;
            var spoken = Interventions.Spoken(db, sessionId, agendaItemId);
            var byDelegation = await (
                from g in spoken.GroupBy(i => new { i.DelegationId, i.Capacity }).Select(g => new
                {
                    g.Key.DelegationId,
                    g.Key.Capacity,
                    Count = g.Count(),
                    Total = g.Sum(i => i.SpokeForSeconds!.Value),
                    Average = g.Average(i => (double)i.SpokeForSeconds!.Value),
                })
                join d in Interventions.DelegationNames(db, language) on g.DelegationId equals d.DelegationId
                select new DelegationRow(g.DelegationId, d.Name, g.Capacity, new Figures(g.Count, g.Total, g.Average)))
                .ToListAsync(cancellationToken);
            var byCapacity = await spoken.GroupBy(i => i.Capacity)
                .Select(g => new CapacityRow(g.Key, new Figures(g.Count(), g.Sum(i => i.SpokeForSeconds!.Value), g.Average(i => (double)i.SpokeForSeconds!.Value))))
                .ToListAsync(cancellationToken);
            var total = await spoken.GroupBy(i => 1)
                .Select(g => new Figures(g.Count(), g.Sum(i => i.SpokeForSeconds!.Value), g.Average(i => (double)i.SpokeForSeconds!.Value)))
                .SingleOrDefaultAsync(cancellationToken);

            return new Model
            {
                SessionId = sessionId,
                Symbol = session.Symbol,
                Title = session.Title,
                AgendaItemId = agendaItemId,
                AgendaItems = items,
                ByDelegation = byDelegation.OrderByDescending(r => r.Figures.TotalSeconds)
                    .ThenBy(r => r.Organisation, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true)).ToList(),
                ByCapacity = byCapacity.OrderBy(r => r.Capacity).ToList(),
                Total = total ?? new Figures(0, 0, 0),
            };
        }
    }
}
