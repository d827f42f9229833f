using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Statements;

namespace Sessions.Web.Features.Statements.Review;

/// <summary>
/// The secretariat's queue of a session's written statements, filtered and paged: the page's rows in one query
/// (organisation name in the reader's language, agenda item and co-sponsor counts as subqueries), never one per row.
/// </summary>
public static class StatementQueue
{
    public const int PageSize = 50;
    public const string AllStatuses = "all";
    public const int SearchMaxLength = 200;

    public sealed class Query
    {
        /// <summary>A <see cref="StatementStatus"/> name; Submitted (in review) when empty, every status with "all".</summary>
        public string? Status { get; set; }

        public int? AgendaItemId { get; set; }
        public Capacity? Capacity { get; set; }
        public StatementTier? Tier { get; set; }
        public string? Language { get; set; }
        public bool? Late { get; set; }

        /// <summary>Words of the title or of the submitting organisation's name.</summary>
        public string? Q { get; set; }

        public int Page { get; set; } = 1;

        public StatementStatus? StatusFilter =>
            string.Equals(Status, AllStatuses, StringComparison.OrdinalIgnoreCase) ? null
            : Enum.TryParse<StatementStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status
            : StatementStatus.Submitted;

        public string? Search => string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, SearchMaxLength)];

        public Dictionary<string, string?> RouteValues(int? page = null)
        {
            var values = new Dictionary<string, string?>();
            if (!string.IsNullOrWhiteSpace(Status))
            {
                values["status"] = Status;
            }

            if (AgendaItemId is not null)
            {
                values["agendaItemId"] = AgendaItemId.Value.ToString(CultureInfo.InvariantCulture);
            }

            if (Capacity is not null)
            {
                values["capacity"] = Capacity.ToString();
            }

            if (Tier is not null)
            {
                values["tier"] = Tier.ToString();
            }

            if (!string.IsNullOrWhiteSpace(Language))
            {
                values["language"] = Language;
            }

            if (Late is not null)
            {
                values["late"] = Late.Value ? "true" : "false";
            }

            if (Search is { } search)
            {
                values["q"] = search;
            }

            if (page is > 1)
            {
                values["page"] = page.Value.ToString(CultureInfo.InvariantCulture);
            }

            return values;
        }

        public string Url(int sessionId, int? page = null) => QueryHelpers.AddQueryString($"/sessions/manage/{sessionId}/statements", RouteValues(page));

        public string ExcelUrl(int sessionId) => QueryHelpers.AddQueryString($"/sessions/manage/{sessionId}/statements.xlsx", RouteValues());
    }

    public sealed record AgendaItemChoice(int Id, string Number, TranslatedText Title);

    public sealed record Row(
        int Id,
        string Title,
        string Organisation,
        string AgendaItem,
        StatementTier Tier,
        string Language,
        int WordCount,
        int WordLimit,
        bool IsLate,
        bool IsJoint,
        int CoSponsors,
        int PendingCoSponsors,
        StatementStatus Status,
        string? Symbol,
        DateTime SubmittedAt);

    public sealed class Model
    {
        public required Query Query { get; init; }
        public int SessionId { get; init; }
        public string SessionSymbol { get; init; } = "";
        public TranslatedText SessionTitle { get; init; } = null!;
        public IReadOnlyList<AgendaItemChoice> AgendaItems { get; init; } = [];
        public IReadOnlyList<Row> Rows { get; init; } = [];
        public int Total { get; init; }
        public int Page { get; init; } = 1;
        public int Pages { get; init; } = 1;
    }

    /// <summary>The statements of <paramref name="sessionId"/> that pass the query's filters (every filter but the page).</summary>
    public static IQueryable<WrittenStatement> Filtered(SessionsDbContext db, int sessionId, Query query, string language)
    {
        var statements = db.WrittenStatements.AsNoTracking().Where(s => s.SessionId == sessionId);
        if (query.StatusFilter is { } status)
        {
            statements = statements.Where(s => s.Status == status);
        }

        if (query.AgendaItemId is { } itemId)
        {
            statements = statements.Where(s => s.AgendaItemId == itemId);
        }

        if (query.Capacity is { } capacity)
        {
            statements = statements.Where(s => s.Capacity == capacity);
        }

        if (query.Tier is { } tier)
        {
            statements = statements.Where(s => s.Tier == tier);
        }

        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            statements = statements.Where(s => s.Language == query.Language);
        }

        if (query.Late is { } late)
        {
            statements = statements.Where(s => s.IsLate == late);
        }

        if (query.Search is { } search)
        {
            var pattern = "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            statements = statements.Where(s => EF.Functions.Like(s.Title, pattern, "\\")
                || db.Organisations.Any(o => o.Id == s.OrganisationId
                    && (EF.Functions.Like(o.Name, pattern, "\\") || (o.Acronym != null && EF.Functions.Like(o.Acronym, pattern, "\\"))
                        || o.Names.Any(n => n.Language == language && EF.Functions.Like(n.Name, pattern, "\\")))));
        }

        return statements;
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such session.</summary>
        public async Task<Model?> HandleAsync(int sessionId, Query query, string language)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.Symbol, s.Title }).SingleOrDefaultAsync();
            if (session is null)
            {
                return null;
            }

            var items = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence)
                .Select(a => new AgendaItemChoice(a.Id, a.Number, a.Title)).ToListAsync();
            var statements = Filtered(db, sessionId, query, language);
            var total = await statements.CountAsync();
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pages);
            var rows = await statements
                .OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(s => new Row(
                    s.Id,
                    s.Title,
                    db.Organisations.Where(o => o.Id == s.OrganisationId)
                        .Select(o => o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name)
                        .Single(),
                    db.AgendaItems.Where(a => a.Id == s.AgendaItemId).Select(a => a.Number).Single(),
                    s.Tier,
                    s.Language,
                    s.WordCount,
                    s.WordLimit,
                    s.IsLate,
                    s.IsJoint,
                    s.CoSponsors.Count(),
                    s.CoSponsors.Count(c => c.Answer == CoSponsorAnswer.Pending),
                    s.Status,
                    s.Symbol,
                    s.SubmittedAt))
                .ToListAsync();
            return new Model
            {
                Query = query,
                SessionId = sessionId,
                SessionSymbol = session.Symbol,
                SessionTitle = session.Title,
                AgendaItems = items,
                Rows = rows,
                Total = total,
                Page = page,
                Pages = pages,
            };
        }
    }
}
