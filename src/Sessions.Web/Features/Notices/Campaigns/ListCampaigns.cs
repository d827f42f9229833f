using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;

namespace Sessions.Web.Features.Notices.Campaigns;

/// <summary>The bulk notices, newest first, with where each stands.</summary>
public static class ListCampaigns
{
    public const int PageSize = 30;

    public sealed record Row(int Id, string Kind, string? Subject, string? SessionSymbol, CampaignStatus Status, DateTime CreatedAt, DateTime? ScheduledAt, int? RecipientCount);

    public sealed record Model(IReadOnlyList<Row> Rows, int Page, int PageCount);

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model> HandleAsync(int page, CancellationToken cancellationToken)
        {
            var total = await db.NoticeCampaigns.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pageCount);
            var rows = await (
                    from c in db.NoticeCampaigns.AsNoTracking()
                    join s in db.Sessions on c.SessionId equals s.Id into sessions
                    from s in sessions.DefaultIfEmpty()
                    orderby c.Id descending
                    select new Row(
                        c.Id,
                        c.Kind,
                        c.Texts.Where(t => t.Language == Languages.English).Select(t => t.Subject).FirstOrDefault(),
                        s == null ? null : s.Symbol,
                        c.Status,
                        c.CreatedAt,
                        c.ScheduledAt,
                        c.RecipientCount))
                .Skip((page - 1) * PageSize).Take(PageSize)
                .ToListAsync(cancellationToken);
            return new Model(rows, page, pageCount);
        }
    }
}
