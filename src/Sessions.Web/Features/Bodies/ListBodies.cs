using Microsoft.EntityFrameworkCore;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Bodies;

public static class ListBodies
{
    public const int PageSize = 25;

    public sealed record Row(int Id, TranslatedText Name, BodyKind Kind, string SymbolPrefix, int ObserverQuota, int MemberCount, int SessionCount);

    public sealed record Model(IReadOnlyList<Row> Rows, int Page, int PageCount, int Total);

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model> HandleAsync(int page)
        {
            var total = await db.Bodies.CountAsync();
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pageCount);
            var rows = await db.Bodies.AsNoTracking()
                .OrderBy(b => b.Kind).ThenBy(b => b.SymbolPrefix)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(b => new Row(
                    b.Id,
                    b.Name,
                    b.Kind,
                    b.SymbolPrefix,
                    b.ObserverQuotaPerOrganisation,
                    b.Memberships.Count,
                    db.Sessions.Count(s => s.BodyId == b.Id)))
                .ToListAsync();
            return new Model(rows, page, pageCount, total);
        }
    }
}
