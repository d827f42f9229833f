using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Web.Features.Organisations;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Bodies;

/// <summary>A body with its member States (paginated) and the form to add one.</summary>
public static class ShowBody
{
    public const int PageSize = 50;

    public sealed record Member(int MembershipId, int OrganisationId, string Name, string? CountryCode, DateOnly TermStart, DateOnly? TermEnd, bool IsDemo);

    public sealed record Option(int Id, string Name);

    public sealed record Model(
        int Id,
        TranslatedText Name,
        BodyKind Kind,
        string SymbolPrefix,
        int ObserverQuota,
        IReadOnlyList<Member> Members,
        int MemberCount,
        int Page,
        int PageCount,
        IReadOnlyList<Option> MemberStates,
        AddMember.Command NewMember);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>The member States matching what is typed, for the picker's search as you type.</summary>
        public Task<IReadOnlyList<OrganisationChoice>> SearchMemberStatesAsync(string? text) =>
            db.Organisations.Where(o => o.Category == OrganisationCategory.MemberState).ChoicesAsync(text, Cultures.Current);

        public async Task<Model?> HandleAsync(int id, int page, AddMember.Command newMember)
        {
            var language = Cultures.Current;
            var body = await db.Bodies.AsNoTracking().Where(b => b.Id == id)
                .Select(b => new { b.Id, b.Name, b.Kind, b.SymbolPrefix, b.ObserverQuotaPerOrganisation, MemberCount = b.Memberships.Count })
                .SingleOrDefaultAsync();
            if (body is null)
            {
                return null;
            }

            var pageCount = Math.Max(1, (body.MemberCount + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pageCount);
            var members = await db.BodyMemberships.AsNoTracking().Where(m => m.BodyId == id)
                .Select(m => new
                {
                    m.Id,
                    m.OrganisationId,
                    Name = m.Organisation!.OriginalLanguage == language
                        ? m.Organisation.Name
                        : m.Organisation.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? m.Organisation.Name,
                    m.Organisation.CountryCode,
                    m.TermStart,
                    m.TermEnd,
                    m.IsDemo,
                })
                .ToListAsync();
            // Names sort in the reader's language, which SQLite cannot collate: a body has a few hundred members at most.
            var comparer = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
            var rows = members
                .OrderBy(m => m.Name, comparer).ThenBy(m => m.TermStart)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(m => new Member(m.Id, m.OrganisationId, m.Name, m.CountryCode, m.TermStart, m.TermEnd, m.IsDemo))
                .ToList();

            var states = await db.Organisations.AsNoTracking().Where(o => o.Category == OrganisationCategory.MemberState)
                .Select(o => new
                {
                    o.Id,
                    Name = o.OriginalLanguage == language
                        ? o.Name
                        : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                })
                .ToListAsync();
            var options = states.OrderBy(s => s.Name, comparer).Select(s => new Option(s.Id, s.Name)).ToList();

            return new Model(body.Id, body.Name, body.Kind, body.SymbolPrefix, body.ObserverQuotaPerOrganisation, rows, body.MemberCount, page, pageCount, options, newMember);
        }
    }
}
