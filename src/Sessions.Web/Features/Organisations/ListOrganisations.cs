using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;

namespace Sessions.Web.Features.Organisations;

public static class ListOrganisations
{
    public const int PageSize = 50;
    public const string NoAccreditation = "none";

    public sealed class Query
    {
        /// <summary>Part of a name (in any language), an acronym or a website.</summary>
        public string? Q { get; set; }

        public OrganisationCategory? Category { get; set; }
        public string? Country { get; set; }

        /// <summary>An <see cref="AccreditationBasis"/> name, or "none" for organisations without accreditation.</summary>
        public string? Accreditation { get; set; }

        public int Page { get; set; } = 1;

        public Dictionary<string, string?> RouteValues(int? page = null)
        {
            var values = new Dictionary<string, string?>();
            if (!string.IsNullOrWhiteSpace(Q))
            {
                values["q"] = Q.Trim();
            }

            if (Category is not null)
            {
                values["category"] = Category.ToString();
            }

            if (!string.IsNullOrWhiteSpace(Country))
            {
                values["country"] = Country;
            }

            if (!string.IsNullOrWhiteSpace(Accreditation))
            {
                values["accreditation"] = Accreditation;
            }

            if (page is > 1)
            {
                values["page"] = page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return values;
        }

        public string Url(string path, int? page = null) => QueryHelpers.AddQueryString(path, RouteValues(page));

        public bool HasFilters => RouteValues().Count > 0;
    }

    public sealed record Row(
        int Id,
        string Name,
        string? Acronym,
        OrganisationCategory Category,
        string? CountryCode,
        string? Website,
        AccreditationBasis? Basis,
        AccreditationStatus? Status);

    public sealed record Model(Query Query, IReadOnlyList<Row> Rows, int Total, int Page, int Pages, string Language);

    /// <summary>The organisations that match the search and the filters, in SQL (the export uses it too).</summary>
    public static IQueryable<Organisation> Matching(SessionsDbContext db, Query query)
    {
        var organisations = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var name = NameNormaliser.Normalise(query.Q);
            var acronym = NameNormaliser.NormaliseAcronym(query.Q);
            var website = NameNormaliser.NormaliseWebsite(query.Q);
            organisations = organisations.Where(o =>
                (name != "" && (o.NormalisedName.Contains(name) || o.Names.Any(n => n.NormalisedName.Contains(name))))
                || (acronym != "" && o.NormalisedAcronym.Contains(acronym))
                || (website != "" && o.NormalisedWebsite.Contains(website)));
        }

        if (query.Category is { } category)
        {
            organisations = organisations.Where(o => o.Category == category);
        }

        if (Countries.Find(query.Country) is { } country)
        {
            organisations = organisations.Where(o => o.CountryCode == country);
        }

        if (string.Equals(query.Accreditation, NoAccreditation, StringComparison.OrdinalIgnoreCase))
        {
            organisations = organisations.Where(o => !db.Accreditations.Any(a => a.OrganisationId == o.Id));
        }
        else if (Enum.TryParse<AccreditationBasis>(query.Accreditation, ignoreCase: true, out var basis) && Enum.IsDefined(basis))
        {
            organisations = organisations.Where(o => db.Accreditations.Any(a => a.OrganisationId == o.Id && a.Basis == basis));
        }

        return organisations;
    }

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model> HandleAsync(Query query, string language)
        {
            var matching = Matching(db, query);
            var total = await matching.CountAsync();
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pages);

            // The name shown is the translation in the reader's language, else the original name; the
            // list is ordered by its folded form so case and accents do not split the alphabet.
            var rows = await matching
                .Select(o => new
                {
                    o.Id,
                    Name = o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                    SortKey = o.OriginalLanguage == language ? o.NormalisedName : o.Names.Where(n => n.Language == language).Select(n => n.NormalisedName).FirstOrDefault() ?? o.NormalisedName,
                    o.Acronym,
                    o.Category,
                    o.CountryCode,
                    o.Website,
                    Basis = db.Accreditations.Where(a => a.OrganisationId == o.Id).OrderBy(a => a.Id).Select(a => (AccreditationBasis?)a.Basis).FirstOrDefault(),
                    Status = db.Accreditations.Where(a => a.OrganisationId == o.Id).OrderBy(a => a.Id).Select(a => (AccreditationStatus?)a.Status).FirstOrDefault(),
                })
                .OrderBy(o => o.SortKey)
                .ThenBy(o => o.Name)
                .ThenBy(o => o.Id)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .ToListAsync();

            return new Model(
                query,
                rows.Select(r => new Row(r.Id, r.Name, r.Acronym, r.Category, r.CountryCode, r.Website, r.Basis, r.Status)).ToList(),
                total,
                page,
                pages,
                language);
        }
    }
}
