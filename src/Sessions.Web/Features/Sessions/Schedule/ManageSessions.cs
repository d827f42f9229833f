using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Sessions.Schedule;

/// <summary>The secretariat's list of every session, published or not, optionally of one body.</summary>
public static class ManageSessions
{
    public const int PageSize = 25;

    public sealed record Row(int Id, string Symbol, TranslatedText Title, TranslatedText BodyName, DateOnly OpensOn, DateOnly ClosesOn, bool IsPublished, int AgendaItemCount, int MeetingCount);

    public sealed record BodyOption(int Id, TranslatedText Name);

    public sealed record Model(IReadOnlyList<Row> Rows, IReadOnlyList<BodyOption> Bodies, int? BodyId, int Page, int PageCount, int Total);

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model> HandleAsync(int? bodyId, int page)
        {
            var query = db.Sessions.AsNoTracking();
            if (bodyId is not null)
            {
                query = query.Where(s => s.BodyId == bodyId);
            }

            var total = await query.CountAsync();
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pageCount);
            var rows = await query.OrderByDescending(s => s.OpensOn).ThenBy(s => s.Symbol)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(s => new Row(s.Id, s.Symbol, s.Title, s.Body!.Name, s.OpensOn, s.ClosesOn, s.IsPublished, s.AgendaItems.Count, s.Meetings.Count))
                .ToListAsync();
            var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Kind).ThenBy(b => b.Name.Original).Select(b => new BodyOption(b.Id, b.Name)).ToListAsync();
            return new Model(rows, bodies, bodyId, page, pageCount, total);
        }
    }
}
