using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>
/// Which of a focal point's organisations may register a delegation to which open sessions: published, not closed,
/// nominations still open, no delegation yet, and an accreditation that counts for the body when the organisation
/// needs one (the rules <see cref="RegisterDelegation"/> applies). A fixed number of queries, however many sessions.
/// </summary>
public static class RegistrationOffers
{
    public const int MaxSessions = 20;

    public sealed record Offer(int SessionId, string SessionSymbol, TranslatedText SessionTitle, DateOnly OpensOn, int OrganisationId, string OrganisationName)
    {
        public string RegisterUrl => $"/delegations/new?sessionId={SessionId}&organisationId={OrganisationId}";
    }

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        /// <summary>The offers, by session opening then organisation; only for <paramref name="sessionId"/> when given.</summary>
        public async Task<IReadOnlyList<Offer>> HandleAsync(string userId, string language, int? sessionId = null, CancellationToken cancellationToken = default)
        {
            var actedFor = db.OrganisationsActedForBy(userId);
            var organisations = await db.Organisations.AsNoTracking().Where(o => actedFor.Contains(o.Id))
                .Select(o => new { o.Id, o.Category, Name = o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name })
                .ToListAsync(cancellationToken);
            if (organisations.Count == 0)
            {
                return [];
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var sessions = await db.Sessions.AsNoTracking()
                .Where(s => s.IsPublished && s.ClosesOn >= today && (s.NominationDeadline == null || s.NominationDeadline > now))
                .Where(s => sessionId == null || s.Id == sessionId)
                .OrderBy(s => s.OpensOn).ThenBy(s => s.Symbol)
                .Take(MaxSessions)
                .Select(s => new { s.Id, s.BodyId, s.Symbol, s.Title, s.OpensOn })
                .ToListAsync(cancellationToken);
            if (sessions.Count == 0)
            {
                return [];
            }

            var organisationIds = organisations.Select(o => o.Id).ToList();
            var sessionIds = sessions.Select(s => s.Id).ToList();
            var registered = (await db.Delegations.AsNoTracking().Where(d => organisationIds.Contains(d.OrganisationId) && sessionIds.Contains(d.SessionId))
                    .Select(d => new { d.SessionId, d.OrganisationId }).ToListAsync(cancellationToken))
                .Select(d => (d.SessionId, d.OrganisationId)).ToHashSet();
            var accreditations = (await db.Accreditations.AsNoTracking().Where(a => organisationIds.Contains(a.OrganisationId) && a.Status == AccreditationStatus.Granted)
                    .Select(a => new { a.OrganisationId, a.Basis, a.Status, a.BodyId }).ToListAsync(cancellationToken))
                .ToLookup(a => a.OrganisationId);
            var byName = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true);
            return sessions.SelectMany(s => organisations
                    .Where(o => !registered.Contains((s.Id, o.Id)))
                    .Where(o => !Capacities.NeedsAccreditation(o.Category)
                        || accreditations[o.Id].Any(a => AccreditationEligibility.Qualifies(a.Basis, a.Status, a.BodyId, s.BodyId)))
                    .OrderBy(o => o.Name, byName)
                    .Select(o => new Offer(s.Id, s.Symbol, s.Title, s.OpensOn, o.Id, o.Name)))
                .ToList();
        }
    }
}
