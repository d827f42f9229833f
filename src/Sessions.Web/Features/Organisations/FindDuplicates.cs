using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;

namespace Sessions.Web.Features.Organisations;

/// <summary>Organisations that share a normalised name (original or translated), an acronym or a website with a form.</summary>
public static class FindDuplicates
{
    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<IReadOnlyList<DuplicateMatch>> HandleAsync(OrganisationForm form, int? excludingId = null)
        {
            var names = form.AllNames().Select(NameNormaliser.Normalise).Where(n => n.Length > 0).Distinct().ToList();
            var acronym = NameNormaliser.NormaliseAcronym(form.Acronym);
            var website = NameNormaliser.NormaliseWebsite(form.Website);
            var id = excludingId ?? 0;

            var found = await db.Organisations.AsNoTracking()
                .Where(o => o.Id != id
                    && (names.Contains(o.NormalisedName)
                        || o.Names.Any(n => names.Contains(n.NormalisedName))
                        || (acronym != "" && o.NormalisedAcronym == acronym)
                        || (website != "" && o.NormalisedWebsite == website)))
                .OrderBy(o => o.Id)
                .Select(o => new { o.Id, o.Name, o.NormalisedName, o.NormalisedAcronym, o.NormalisedWebsite, SameTranslatedName = o.Names.Any(n => names.Contains(n.NormalisedName)) })
                .Take(10)
                .ToListAsync();

            return found
                .Select(o => new DuplicateMatch(
                    o.Id,
                    o.Name,
                    names.Contains(o.NormalisedName) || o.SameTranslatedName ? DuplicateField.Name
                        : acronym != "" && o.NormalisedAcronym == acronym ? DuplicateField.Acronym
                        : DuplicateField.Website))
                .ToList();
        }
    }
}
