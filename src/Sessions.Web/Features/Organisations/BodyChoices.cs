using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Organisations;

/// <summary>The bodies an ad hoc accreditation can be for, for the form's select.</summary>
public static class BodyChoices
{
    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<IReadOnlyList<(int Id, TranslatedText Name)>> HandleAsync() =>
            (await db.Bodies.AsNoTracking().OrderBy(b => b.Name.Original).Select(b => new { b.Id, b.Name }).ToListAsync())
            .Select(b => (b.Id, b.Name))
            .ToList();
    }
}
