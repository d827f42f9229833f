using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;

namespace Sessions.Web.Features.Bodies;

/// <summary>
/// The bodies' names by id, for lists whose rows name a body (accreditations): a handful of rows read once, rather than
/// a subquery per row (a name is a complex value of its body, which EF Core does not project from a subquery).
/// </summary>
public static class BodyNames
{
    public static async Task<IReadOnlyDictionary<int, TranslatedText>> LoadAsync(SessionsDbContext db, CancellationToken cancellationToken = default) =>
        await db.Bodies.AsNoTracking().Select(b => new { b.Id, b.Name }).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);

    public static TranslatedText? Of(this IReadOnlyDictionary<int, TranslatedText> names, int? bodyId) =>
        bodyId is { } id ? names.GetValueOrDefault(id) : null;
}
