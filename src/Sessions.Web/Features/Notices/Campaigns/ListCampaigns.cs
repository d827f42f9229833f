using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;

namespace Sessions.Web.Features.Notices.Campaigns;

/// <summary>The bulk notices, newest first, with where each stands: all of them, or those of one session.</summary>
public static class ListCampaigns
{
    public const int PageSize = 30;

    public sealed record Row(int Id, string Kind, string? Subject, string? SessionSymbol, CampaignStatus Status, DateTime CreatedAt, DateTime? ScheduledAt, int? RecipientCount);

    public sealed record Model(IReadOnlyList<Row> Rows, int Page, int PageCount, int? SessionId = null)
    {
        public string Path => SessionId is { } sessionId ? $"/sessions/manage/{sessionId}/notices" : "/notices/campaigns";
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when the session asked for does not exist.</summary>
        public async Task<Model?> HandleAsync(int page, CancellationToken cancellationToken, int? sessionId = null)
        {
            if (sessionId is { } id && !await db.Sessions.AnyAsync(s => s.Id == id, cancellationToken))
            {
                return null;
            }

            var campaigns = db.NoticeCampaigns.AsNoTracking().Where(c => sessionId == null || c.SessionId == sessionId);
            var total = await campaigns.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pageCount);
            var rows = await (
                    from c in campaigns
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
            return new Model(rows, page, pageCount, sessionId);
        }
    }
}
