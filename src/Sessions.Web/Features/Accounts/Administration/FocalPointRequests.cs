using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Accounts.Administration;

/// <summary>The queue of claims to act for an existing organisation, oldest first.</summary>
public static class FocalPointRequests
{
    public const int PageSize = 25;

    public sealed record Row(int Id, string UserId, string UserName, string Email, int OrganisationId, string Organisation, string? Acronym, DateTime RequestedAt);

    public sealed record Model(IReadOnlyList<Row> Rows, int Total, int Page, int PageCount);

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model> HandleAsync(int page)
        {
            var language = Cultures.Current;
            var pending = db.FocalPoints.AsNoTracking().Where(f => f.Status == FocalPointStatus.Pending);
            var total = await pending.CountAsync();
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pageCount);
            var rows = await pending
                .OrderBy(f => f.RequestedAt).ThenBy(f => f.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Join(db.Users, f => f.UserId, u => u.Id, (f, u) => new Row(
                    f.Id,
                    u.Id,
                    u.FullName,
                    u.Email ?? "",
                    f.OrganisationId,
                    f.Organisation!.OriginalLanguage == language ? f.Organisation.Name : f.Organisation.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? f.Organisation.Name,
                    f.Organisation.Acronym,
                    f.RequestedAt))
                .ToListAsync();
            return new Model(rows, total, page, pageCount);
        }
    }
}
