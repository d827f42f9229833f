using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Accounts.Administration;

/// <summary>One account as the secretariat sees it: its state, its roles, the organisations it acts for and the participations linked to it.</summary>
public static class UserDetails
{
    public sealed record OrganisationRow(int OrganisationId, string Name, FocalPointStatus Status, DateTime RequestedAt, DateTime? DecidedAt, string? DecisionReason);

    /// <summary>A participation linked to the account (<see cref="Core.Registration.ParticipantAccounts"/>).</summary>
    public sealed record ParticipationRow(int DelegationId, string SessionSymbol, string Organisation, ParticipantStatus Status);

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
        bool IsSelf)
    {
        public IReadOnlyList<ParticipationRow> Participations { get; init; } = [];
    }

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
            var participations = await (
                    from p in db.Participants.AsNoTracking().Where(p => p.UserId == id)
                    join d in db.Delegations on p.DelegationId equals d.Id
                    join s in db.Sessions on d.SessionId equals s.Id
                    join o in db.Organisations on d.OrganisationId equals o.Id
                    orderby s.OpensOn descending, p.Id
                    select new ParticipationRow(
                        d.Id,
                        s.Symbol,
                        o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                        p.Status))
                .ToListAsync();
            var lockedUntil = user.LockoutEnd > clock.GetUtcNow() ? user.LockoutEnd : null;
            return new Model(user.Id, user.FullName, user.Email ?? "", user.PreferredLanguage, user.CreatedAt, user.EmailConfirmed, user.HasPassword, user.IsActive, lockedUntil, roles, organisations, user.Id == actingUserId)
            {
                Participations = participations,
            };
        }
    }
}
