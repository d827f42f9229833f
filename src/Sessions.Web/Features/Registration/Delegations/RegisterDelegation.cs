using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accreditation;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>
/// Registers an organisation's delegation to a session, as a draft, in the capacity derived from the body's
/// membership on the opening day and the organisation's category (shown, never chosen).
/// </summary>
public static class RegisterDelegation
{
    public sealed record Model(
        int SessionId,
        int OrganisationId,
        string OrganisationName,
        string SessionSymbol,
        TranslatedText SessionTitle,
        Capacity Capacity,
        int? ExistingDelegationId,
        bool IsEligible);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        /// <summary>What the registration would be; null when the session or the organisation is not the user's to reach.</summary>
        public async Task<Model?> PrepareAsync(int sessionId, int organisationId, string userId, string language)
        {
            if (!await db.ActsForAsync(userId, organisationId))
            {
                return null;
            }

            var session = await db.Sessions.AsNoTracking().Include(s => s.Body!).ThenInclude(b => b.Memberships)
                .SingleOrDefaultAsync(s => s.Id == sessionId && s.IsPublished);
            var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
                .Select(o => new { o.Category, Name = o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name })
                .SingleOrDefaultAsync();
            if (session is null || organisation is null)
            {
                return null;
            }

            var capacity = Capacities.Derive(organisation.Category, session.Body!.IsMemberOn(organisationId, session.OpensOn));
            var existing = await db.Delegations.AsNoTracking().Where(d => d.SessionId == sessionId && d.OrganisationId == organisationId)
                .Select(d => (int?)d.Id).SingleOrDefaultAsync();
            var eligible = !Capacities.NeedsAccreditation(capacity) || await db.IsEligibleToRegisterAsync(organisationId, session.BodyId);
            return new Model(sessionId, organisationId, organisation.Name, session.Symbol, session.Title, capacity, existing, eligible);
        }

        /// <summary>The new delegation's id; null when not the user's to reach. Refusals are <see cref="DomainException"/>s.</summary>
        public async Task<int?> HandleAsync(int sessionId, int organisationId, string userId, string language)
        {
            var model = await PrepareAsync(sessionId, organisationId, userId, language);
            if (model is null)
            {
                return null;
            }

            if (model.ExistingDelegationId is not null)
            {
                throw new DomainException("{0} already has a delegation to this session.", model.OrganisationName);
            }

            if (!model.IsEligible)
            {
                throw new DomainException("{0} has no accreditation that allows it to register for this session. Apply for accreditation first.", model.OrganisationName);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var deadline = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.NominationDeadline).SingleAsync();
            NominationRules.EnsureNominationsOpen(now, deadline);

            var delegation = new Delegation(sessionId, organisationId, model.Capacity, userId, now);
            db.Delegations.Add(delegation);
            try
            {
                await db.SaveChangesExpectingCollisionAsync();
            }
            catch (DbUpdateException)
            {
                // The unique (session, organisation) index: a second registration that raced this one.
                throw new DomainException("{0} already has a delegation to this session.", model.OrganisationName);
            }

            return delegation.Id;
        }
    }
}
