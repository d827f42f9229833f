using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Common;
using Sessions.Web.Features.Bodies;

namespace Sessions.Web.Features.Organisations;

public static class OrganisationDetails
{
    public sealed record Name(string Language, string Text);

    public sealed record AccreditationView(AccreditationBasis Basis, AccreditationStatus Status, TranslatedText? BodyName, DateOnly? GrantedOn, DateTime UpdatedAt);

    public sealed record FocalPointView(string FullName, string? Email, FocalPointStatus Status, DateTime RequestedAt, DateTime? DecidedAt);

    public sealed record Model(
        int Id,
        string Name,
        string OriginalLanguage,
        IReadOnlyList<Name> Names,
        string? Acronym,
        OrganisationCategory Category,
        string? CountryCode,
        string? Website,
        string? ContactEmail,
        DateTime CreatedAt,
        IReadOnlyList<AccreditationView> Accreditations,
        IReadOnlyList<FocalPointView> FocalPoints)
    {
        public string DisplayName(string language) =>
            language == OriginalLanguage ? Name : Names.FirstOrDefault(n => n.Language == language)?.Text ?? Name;

        /// <summary>A link for the website, with https:// when it has no scheme; none unless it is http(s).</summary>
        public string? WebsiteUrl =>
            Website is not null
            && Uri.TryCreate(Website.Contains("://", StringComparison.Ordinal) ? Website : "https://" + Website, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri.ToString()
                : null;
    }

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model?> HandleAsync(int id)
        {
            var organisation = await db.Organisations.AsNoTracking()
                .Where(o => o.Id == id)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.OriginalLanguage,
                    Names = o.Names.Select(n => new Name(n.Language, n.Name)).ToList(),
                    o.Acronym,
                    o.Category,
                    o.CountryCode,
                    o.Website,
                    o.ContactEmail,
                    o.CreatedAt,
                })
                .SingleOrDefaultAsync();
            if (organisation is null)
            {
                return null;
            }

            var accreditations = await db.Accreditations.AsNoTracking()
                .Where(a => a.OrganisationId == id)
                .OrderBy(a => a.Id)
                .Select(a => new { a.BodyId, View = new AccreditationView(a.Basis, a.Status, null, a.GrantedOn, a.UpdatedAt) })
                .ToListAsync();
            var bodyNames = await BodyNames.LoadAsync(db);

            var focalPoints = await db.FocalPoints.AsNoTracking()
                .Where(f => f.OrganisationId == id)
                .Join(db.Users, f => f.UserId, u => u.Id, (f, u) => new { f.Status, f.RequestedAt, f.DecidedAt, u.FullName, u.Email })
                .OrderBy(f => f.Status)
                .ThenBy(f => f.FullName)
                .Select(f => new FocalPointView(f.FullName, f.Email, f.Status, f.RequestedAt, f.DecidedAt))
                .ToListAsync();

            var names = organisation.Names.OrderBy(n => Core.Common.Languages.All.ToList().IndexOf(n.Language)).ToList();
            return new Model(
                organisation.Id,
                organisation.Name,
                organisation.OriginalLanguage,
                names,
                organisation.Acronym,
                organisation.Category,
                organisation.CountryCode,
                organisation.Website,
                organisation.ContactEmail,
                organisation.CreatedAt,
                accreditations.Select(a => a.View with { BodyName = bodyNames.Of(a.BodyId) }).ToList(),
                focalPoints);
        }
    }
}
