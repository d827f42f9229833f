using Microsoft.EntityFrameworkCore;
using Sessions.Core.Organisations;

namespace Sessions.Web.Features.Organisations;

/// <summary>One organisation offered by a search as you type; <see cref="Original"/> only when it differs from <see cref="Name"/>.</summary>
public sealed record OrganisationChoice(int Id, string Name, string? Original, string? Acronym, string? Country);

/// <summary>
/// The search as you type of every organisation picker (wwwroot/js/combobox.js): what was typed matched against the
/// name in every language and the acronym, over the organisations the caller already limited to those the user may choose.
/// </summary>
public static class OrganisationChoices
{
    public const int Count = 20;

    /// <summary>Those matching <paramref name="search"/> (all when nothing is typed), and the one already <paramref name="chosen"/>.</summary>
    public static IQueryable<Organisation> Matching(this IQueryable<Organisation> query, string? search, int? chosen = null)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return query;
        }

        var text = search.Trim();
        var folded = NameNormaliser.Normalise(text);
        var acronym = NameNormaliser.NormaliseAcronym(text).ToUpperInvariant();
        return query.Where(o => o.NormalisedName.Contains(folded)
            || (o.Acronym != null && o.Acronym.ToUpper().Contains(acronym))
            || o.Names.Any(n => n.Name.Contains(text))
            || o.Id == chosen);
    }

    /// <summary>At most <see cref="Count"/> matches, named in <paramref name="language"/> with the original name, acronym and country; none when nothing is typed.</summary>
    public static async Task<IReadOnlyList<OrganisationChoice>> ChoicesAsync(this IQueryable<Organisation> query, string? search, string language)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return [];
        }

        var found = await query.AsNoTracking().Matching(search)
            .Select(o => new
            {
                o.Id,
                Name = o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                Original = o.Name,
                o.Acronym,
                o.CountryCode,
            })
            .OrderBy(o => o.Name)
            .Take(Count)
            .ToListAsync();
        return found.Select(o => new OrganisationChoice(
            o.Id,
            o.Name,
            o.Original == o.Name ? null : o.Original,
            string.IsNullOrEmpty(o.Acronym) ? null : o.Acronym,
            o.CountryCode is null ? null : Countries.Name(o.CountryCode, language))).ToList();
    }
}
