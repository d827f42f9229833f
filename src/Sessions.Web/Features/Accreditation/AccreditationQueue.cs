using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Core.Common;
using Sessions.Web.Features.Bodies;

namespace Sessions.Web.Features.Accreditation;

/// <summary>The secretariat's register: every accreditation, pending applications first, filtered by status and body.</summary>
public static class AccreditationQueue
{
    public const int PageSize = 25;

    public sealed class Query
    {
        public AccreditationStatus? Status { get; set; }
        public int? BodyId { get; set; }
        public int Page { get; set; } = 1;

        public string PageUrl(int page)
        {
            var parts = new List<string>();
            if (Status is { } status)
            {
                parts.Add($"status={status}");
            }

            if (BodyId is { } bodyId)
            {
                parts.Add($"bodyId={bodyId}");
            }

            parts.Add($"page={page}");
            return "/accreditation/queue?" + string.Join("&", parts);
        }
    }

    public sealed record Row(int Id, string Organisation, string? Acronym, AccreditationBasis Basis, AccreditationStatus Status, TranslatedText? BodyName, DateTime UpdatedAt, bool IsApplication);

    public sealed record Model(Query Query, IReadOnlyList<Row> Rows, int Total, int Page, int PageCount, IReadOnlyList<ApplyForAccreditation.BodyChoice> Bodies);

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model> HandleAsync(Query query)
        {
            var language = Cultures.Current;
            var accreditations = db.Accreditations.AsNoTracking();
            if (query.Status is { } status && Enum.IsDefined(status))
            {
                accreditations = accreditations.Where(a => a.Status == status);
            }
            else
            {
                query.Status = null;
            }

            if (query.BodyId is { } bodyId)
            {
                accreditations = accreditations.Where(a => a.BodyId == bodyId);
            }

            var total = await accreditations.CountAsync();
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            query.Page = Math.Clamp(query.Page, 1, pageCount);
            var rows = await accreditations
                .Join(db.Organisations, a => a.OrganisationId, o => o.Id, (a, o) => new { a, o })
                .OrderBy(x => x.a.Status == AccreditationStatus.Pending ? 0 : 1).ThenByDescending(x => x.a.UpdatedAt).ThenByDescending(x => x.a.Id)
                .Skip((query.Page - 1) * PageSize).Take(PageSize)
                .Select(x => new { x.a.BodyId, Row = new Row(
                    x.a.Id,
                    x.o.OriginalLanguage == language ? x.o.Name : x.o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? x.o.Name,
                    x.o.Acronym,
                    x.a.Basis,
                    x.a.Status,
                    null,
                    x.a.UpdatedAt,
                    x.a.Application != null) })
                .ToListAsync();
            var names = await BodyNames.LoadAsync(db);
            var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Name.Original).Select(b => new ApplyForAccreditation.BodyChoice(b.Id, b.Name)).ToListAsync();
            return new Model(query, rows.Select(r => r.Row with { BodyName = names.Of(r.BodyId) }).ToList(), total, query.Page, pageCount, bodies);
        }
    }
}
