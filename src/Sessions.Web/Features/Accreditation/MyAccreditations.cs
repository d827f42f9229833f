using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Core.Common;
using Sessions.Web.Features.Bodies;

namespace Sessions.Web.Features.Accreditation;

/// <summary>The focal point's view: the standing of each organisation they act for, and the latest reason given.</summary>
public static class MyAccreditations
{
    public sealed record Row(int Id, AccreditationBasis Basis, AccreditationStatus Status, TranslatedText? BodyName, DateOnly? GrantedOn, DateTime UpdatedAt, string? LatestReason, bool IsApplication);

    public sealed record Standing(int OrganisationId, string Name, IReadOnlyList<Row> Accreditations);

    public sealed record Model(IReadOnlyList<Standing> Organisations);

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model> HandleAsync(string userId)
        {
            var language = Cultures.Current;
            var organisations = await db.Organisations.AsNoTracking()
                .Where(o => db.OrganisationsActedForBy(userId).Contains(o.Id))
                .Select(o => new { o.Id, Name = o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name })
                .ToListAsync();
            var ids = organisations.Select(o => o.Id).ToList();
            var rows = await db.Accreditations.AsNoTracking()
                .Where(a => ids.Contains(a.OrganisationId))
                .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
                .Select(a => new
                {
                    a.OrganisationId,
                    a.BodyId,
                    Row = new Row(
                        a.Id,
                        a.Basis,
                        a.Status,
                        null,
                        a.GrantedOn,
                        a.UpdatedAt,
                        a.History.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Select(c => c.Reason).FirstOrDefault(),
                        a.Application != null),
                })
                .ToListAsync();
            var names = await BodyNames.LoadAsync(db);
            var byOrganisation = rows.ToLookup(r => r.OrganisationId, r => r.Row with { BodyName = names.Of(r.BodyId) });
            return new Model(organisations
                .OrderBy(o => o.Name, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true))
                .Select(o => new Standing(o.Id, o.Name, byOrganisation[o.Id].ToList()))
                .ToList());
        }
    }
}
