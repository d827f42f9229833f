using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Sessions.Schedule;

/// <summary>The public list: published sessions still to close, then those that have closed (paginated).</summary>
public static class ListSessions
{
    public const int PageSize = 20;

    public sealed record Row(int Id, string Symbol, TranslatedText Title, TranslatedText BodyName, TranslatedText Venue, DateOnly OpensOn, DateOnly ClosesOn);

    public sealed record Model(IReadOnlyList<Row> Upcoming, IReadOnlyList<Row> Past, int Page, int PageCount);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        public async Task<Model> HandleAsync(int page)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var published = db.Sessions.AsNoTracking().Where(s => s.IsPublished);
            var upcoming = await published.Where(s => s.ClosesOn >= today).OrderBy(s => s.OpensOn).ThenBy(s => s.Symbol)
                .Select(s => new Row(s.Id, s.Symbol, s.Title, s.Body!.Name, s.Venue, s.OpensOn, s.ClosesOn))
                .ToListAsync();
            var past = published.Where(s => s.ClosesOn < today);
            var pastCount = await past.CountAsync();
            var pageCount = Math.Max(1, (pastCount + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pageCount);
            var pastRows = await past.OrderByDescending(s => s.OpensOn).ThenBy(s => s.Symbol)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(s => new Row(s.Id, s.Symbol, s.Title, s.Body!.Name, s.Venue, s.OpensOn, s.ClosesOn))
                .ToListAsync();
            return new Model(upcoming, pastRows, page, pageCount);
        }
    }
}
