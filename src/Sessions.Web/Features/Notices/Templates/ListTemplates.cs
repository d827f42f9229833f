using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Notices.Templates;

/// <summary>Every kind of notice, by family, and in which languages the secretariat's wording replaces the built-in one.</summary>
public static class ListTemplates
{
    /// <param name="Saved">The languages the secretariat has worded, in the UN's order.</param>
    /// <param name="WithoutBuiltIn">The languages that have no built-in wording (they fall back to English).</param>
    public sealed record Row(NoticeKind Kind, IReadOnlyList<string> Saved, IReadOnlyList<string> WithoutBuiltIn);

    public sealed record Group(NoticeGroup Name, IReadOnlyList<Row> Kinds);

    public sealed class Handler(SessionsDbContext db, NoticeTemplateStore store)
    {
        public async Task<IReadOnlyList<Group>> HandleAsync(CancellationToken cancellationToken)
        {
            var saved = (await db.NoticeTemplates.AsNoTracking().Select(x => new { x.Kind, x.Language }).ToListAsync(cancellationToken))
                .ToLookup(x => x.Kind, x => x.Language);
            return NoticeKinds.All
                .GroupBy(k => k.Group)
                .OrderBy(g => g.Key)
                .Select(g => new Group(g.Key, g.Select(kind => new Row(
                    kind,
                    Languages.All.Where(l => saved[kind.Key].Contains(l)).ToList(),
                    Languages.All.Where(l => store.BuiltInText(kind, l) is null).ToList())).ToList()))
                .ToList();
        }
    }
}
