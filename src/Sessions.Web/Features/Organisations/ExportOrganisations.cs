using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Organisations;

/// <summary>The filtered list as a workbook with the import's columns, so the file can be imported again.</summary>
public static class ExportOrganisations
{
    private static readonly double[] _widths = [50, 10, 14, 30, 10, 32, 32, 40, 30, 40, 40, 40, 40, 22, 16];

    public sealed class Handler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<byte[]> HandleAsync(ListOrganisations.Query query)
        {
            var matching = ListOrganisations.Matching(db, query);
            var organisations = await matching
                .OrderBy(o => o.NormalisedName)
                .ThenBy(o => o.Id)
                .Select(o => new { o.Id, o.Name, o.OriginalLanguage, o.Acronym, o.Category, o.CountryCode, o.Website, o.ContactEmail })
                .ToListAsync();
            var names = (await db.OrganisationNames.AsNoTracking()
                .Where(n => matching.Select(o => o.Id).Contains(n.OrganisationId))
                .Select(n => new { n.OrganisationId, n.Language, n.Name })
                .ToListAsync())
                .ToLookup(n => n.OrganisationId);
            var accreditations = (await db.Accreditations.AsNoTracking()
                .Where(a => matching.Select(o => o.Id).Contains(a.OrganisationId))
                .OrderBy(a => a.Id)
                .Select(a => new { a.OrganisationId, a.Basis, a.Status })
                .ToListAsync())
                .GroupBy(a => a.OrganisationId)
                .ToDictionary(g => g.Key, g => g.First());

            var rows = organisations.Select(o =>
            {
                var translated = names[o.Id].ToDictionary(n => n.Language, n => n.Name);
                var accreditation = accreditations.GetValueOrDefault(o.Id);
                return (IReadOnlyList<string?>)
                [
                    o.Name,
                    o.OriginalLanguage,
                    o.Acronym,
                    t.For(o.Category),
                    o.CountryCode,
                    o.Website,
                    o.ContactEmail,
                    .. Languages.All.Select(l => l == o.OriginalLanguage ? null : translated.GetValueOrDefault(l)),
                    accreditation is null ? null : t.For(accreditation.Basis),
                    accreditation is null ? null : t.For(accreditation.Status),
                ];
            });

            return OrganisationSpreadsheet.Write(t["Organisations"], OrganisationImport.Columns, _widths, rows);
        }
    }
}
