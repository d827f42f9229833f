using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;

namespace Sessions.Web.Features.Statements.Published;

/// <summary>Names of organisations in the reader's language (their original name where no translation exists), in one query.</summary>
public static class OrganisationNames
{
    public static async Task<IReadOnlyDictionary<int, string>> InAsync(SessionsDbContext db, IEnumerable<int> organisationIds, string language)
    {
        var ids = organisationIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, string>();
        }

        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new
            {
                o.Id,
                Name = o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
            })
            .ToDictionaryAsync(o => o.Id, o => o.Name);
    }
}
