using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;

namespace Sessions.Web.Features.Accounts.Administration;

/// <summary>The list of accounts, searched by name or email, filtered by role, a page at a time.</summary>
public static class Users
{
    public const int PageSize = 25;

    public sealed record Query(string? Search, string? Role, int Page);

    public sealed record Row(string Id, string FullName, string Email, IReadOnlyList<string> Roles, bool IsActive, bool EmailConfirmed, bool LockedOut);

    public sealed record Model(Query Query, IReadOnlyList<Row> Rows, int Total, int Page, int PageCount, IReadOnlyList<string> RoleNames);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        public async Task<Model> HandleAsync(Query query)
        {
            var users = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = $"%{query.Search.Trim()}%";
                users = users.Where(u => EF.Functions.Like(u.FullName, pattern) || EF.Functions.Like(u.Email!, pattern));
            }

            if (!string.IsNullOrWhiteSpace(query.Role))
            {
                var roleId = await db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id).FirstOrDefaultAsync();
                users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
            }

            var total = await users.CountAsync();
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pageCount);
            var found = await users
                .OrderBy(u => u.FullName).ThenBy(u => u.Email)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(u => new { u.Id, u.FullName, u.Email, u.IsActive, u.EmailConfirmed, u.LockoutEnd })
                .ToListAsync();

            var ids = found.Select(u => u.Id).ToList();
            var roles = (await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                    .ToListAsync())
                .ToLookup(r => r.UserId, r => r.Name!);
            var now = clock.GetUtcNow();
            var rows = found
                .Select(u => new Row(u.Id, u.FullName, u.Email ?? "", roles[u.Id].Order().ToList(), u.IsActive, u.EmailConfirmed, u.LockoutEnd > now))
                .ToList();
            var roleNames = await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync();
            return new Model(query with { Page = page }, rows, total, page, pageCount, roleNames);
        }
    }
}
