using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;

namespace Sessions.Web.Features.Registration.Badges;

/// <summary>Every valid badge of a delegation, to print at once: for the secretariat and the organisation's approved focal points.</summary>
public static class DelegationBadges
{
    public sealed record Model(int DelegationId, IReadOnlyList<Badge> Badges);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when the delegation does not exist or is not the viewer's to see.</summary>
        public async Task<Model?> HandleAsync(int delegationId, BadgeAccess.Viewer viewer, string language)
        {
            var organisationId = await db.Delegations.AsNoTracking().Where(d => d.Id == delegationId).Select(d => (int?)d.OrganisationId).SingleOrDefaultAsync();
            if (organisationId is null)
            {
                return null;
            }

            if (!viewer.IsSecretariat && (viewer.UserId is null || !await db.OrganisationsActedForBy(viewer.UserId).ContainsAsync(organisationId.Value)))
            {
                return null;
            }

            var badges = (await BadgeAccess.ValidBadges(db, language, p => p.DelegationId == delegationId).ToListAsync()).Select(f => f.Badge);
            return new Model(delegationId, badges.OrderBy(b => b.Function).ThenBy(b => b.FamilyName).ThenBy(b => b.GivenName).ToList());
        }
    }
}
