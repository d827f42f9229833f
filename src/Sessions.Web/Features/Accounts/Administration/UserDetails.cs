using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Accounts.Administration;

/// <summary>One account as the secretariat sees it: its state, its roles and the organisations it acts for.</summary>
public static class UserDetails
{
    public sealed record OrganisationRow(int OrganisationId, string Name, FocalPointStatus Status, DateTime RequestedAt, DateTime? DecidedAt, string? DecisionReason);

    public sealed record Model(
        string Id,
        string FullName,
        string Email,
        string PreferredLanguage,
        DateTime CreatedAt,
        bool EmailConfirmed,
        bool HasPassword,
        bool IsActive,
        DateTimeOffset? LockedUntil,
        IReadOnlyList<string> Roles,
        IReadOnlyList<OrganisationRow> Organisations,
        bool IsSelf);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        public async Task<Model?> HandleAsync(string id, string? actingUserId)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new { u.Id, u.FullName, u.Email, u.PreferredLanguage, u.CreatedAt, u.EmailConfirmed, HasPassword = u.PasswordHash != null, u.IsActive, u.LockoutEnd })
                .SingleOrDefaultAsync();
            if (user is null)
            {
                return null;
            }

            var language = Cultures.Current;
            var roles = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                .OrderBy(n => n)
                .ToListAsync();
            var organisations = await db.FocalPoints.AsNoTracking().Where(f => f.UserId == id)
                .OrderBy(f => f.RequestedAt)
                .Select(f => new OrganisationRow(
                    f.OrganisationId,
                    f.Organisation!.OriginalLanguage == language ? f.Organisation.Name : f.Organisation.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? f.Organisation.Name,
                    f.Status,
                    f.RequestedAt,
                    f.DecidedAt,
                    f.DecisionReason))
                .ToListAsync();
            var lockedUntil = user.LockoutEnd > clock.GetUtcNow() ? user.LockoutEnd : null;
            return new Model(user.Id, user.FullName, user.Email ?? "", user.PreferredLanguage, user.CreatedAt, user.EmailConfirmed, user.HasPassword, user.IsActive, lockedUntil, roles, organisations, user.Id == actingUserId);
        }
    }
}
