using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;

namespace Sessions.Web.Features.Notices.DeliveryLog;

/// <summary>The secretariat's delivery log: every outbound email, newest first, with its delivery status.</summary>
public static class DeliveryLog
{
    public const int PageSize = 50;

    public sealed class Query
    {
        public DeliveryStatus? Status { get; set; }

        public string? Kind { get; set; }

        /// <summary>The rows of one bulk notice.</summary>
        public int? Campaign { get; set; }

        /// <summary>Part of the recipient's address.</summary>
        public string? Search { get; set; }

        public int Page { get; set; } = 1;

        /// <summary>The query string of this filter on another page, for the pager.</summary>
        public string ToUrl(int page)
        {
            var parts = new List<string>();
            if (Status is { } status)
            {
                parts.Add($"status={status}");
            }

            if (!string.IsNullOrWhiteSpace(Kind))
            {
                parts.Add($"kind={Uri.EscapeDataString(Kind)}");
            }

            if (Campaign is { } campaign)
            {
                parts.Add($"campaign={campaign}");
            }

            if (!string.IsNullOrWhiteSpace(Search))
            {
                parts.Add($"search={Uri.EscapeDataString(Search)}");
            }

            parts.Add($"page={page}");
            return "/notices?" + string.Join("&", parts);
        }
    }

    public sealed record Row(
        long Id,
        DateTime CreatedAt,
        string ToAddress,
        string? ToName,
        string Language,
        string Kind,
        string Subject,
        DeliveryStatus Status,
        int Attempts,
        string? LastError,
        DateTime NextAttemptAt,
        string? MessageId,
        DateTime? SentAt);

    public sealed class Model
    {
        public required Query Query { get; init; }

        public required IReadOnlyList<Row> Rows { get; init; }

        public required int TotalCount { get; init; }

        public required int PageCount { get; init; }

        /// <summary>How many rows are in each status, over the whole outbox (not only this filter).</summary>
        public required IReadOnlyDictionary<DeliveryStatus, int> Counts { get; init; }

        public required IReadOnlyList<string> Kinds { get; init; }

        /// <summary>Notices waiting after a failed attempt, with the last error; null when none is.</summary>
        public DeliveryTrouble.Model? Trouble { get; init; }

        /// <summary>The latest bulk notices, to filter by: id, English subject (if written) and kind.</summary>
        public required IReadOnlyList<(int Id, string? Subject, string Kind)> Campaigns { get; init; }
    }

    public sealed class Handler(SessionsDbContext db, DeliveryTrouble.Handler trouble)
    {
        public async Task<Model> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var rows = db.OutboundEmails.AsNoTracking();
            if (query.Status is { } status)
            {
                rows = rows.Where(e => e.Status == status);
            }

            if (!string.IsNullOrWhiteSpace(query.Kind))
            {
                var kind = query.Kind.Trim();
                rows = rows.Where(e => e.Kind == kind);
            }

            if (query.Campaign is { } campaign)
            {
                rows = rows.Where(e => e.CampaignId == campaign);
            }

            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var search = query.Search.Trim().ToLowerInvariant();
                rows = rows.Where(e => e.ToAddress.ToLower().Contains(search));
            }

            var total = await rows.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            query.Page = Math.Clamp(query.Page, 1, pageCount);
            var page = await rows
                .OrderByDescending(e => e.Id)
                .Skip((query.Page - 1) * PageSize)
                .Take(PageSize)
                .Select(e => new Row(e.Id, e.CreatedAt, e.ToAddress, e.ToName, e.Language, e.Kind, e.Subject, e.Status, e.Attempts, e.LastError, e.NextAttemptAt, e.MessageId, e.SentAt))
                .ToListAsync(cancellationToken);

            var counts = await db.OutboundEmails.AsNoTracking()
                .GroupBy(e => e.Status)
                .Select(g => new { Status = g.Key, Count = g.Count() })
                .ToDictionaryAsync(c => c.Status, c => c.Count, cancellationToken);
            var kinds = await db.OutboundEmails.AsNoTracking().Select(e => e.Kind).Distinct().OrderBy(k => k).ToListAsync(cancellationToken);

            var campaigns = await db.NoticeCampaigns.AsNoTracking()
                .Where(c => c.Status == CampaignStatus.Queuing || c.Status == CampaignStatus.Queued)
                .OrderByDescending(c => c.Id).Take(50)
                .Select(c => new { c.Id, Subject = c.Texts.Where(t => t.Language == "en").Select(t => t.Subject).FirstOrDefault(), c.Kind })
                .ToListAsync(cancellationToken);

            return new Model
            {
                Campaigns = campaigns.Select(c => (c.Id, c.Subject, c.Kind)).ToList(),
                Query = query,
                Rows = page,
                TotalCount = total,
                PageCount = pageCount,
                Counts = Enum.GetValues<DeliveryStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s)),
                Kinds = kinds,
                Trouble = await trouble.HandleAsync(cancellationToken),
            };
        }
    }
}
