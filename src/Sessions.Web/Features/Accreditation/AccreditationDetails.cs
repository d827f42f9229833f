using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Core.Common;
using Sessions.Web.Features.Bodies;

namespace Sessions.Web.Features.Accreditation;

/// <summary>
/// One accreditation: the organisation, the application's mission and documents, the history. The
/// secretariat decides from here; the organisation's focal points may read it; anyone else gets 404.
/// </summary>
public static class AccreditationDetails
{
    public sealed record ApplicationView(string Mission, string LetterName, string GoverningBodyListName, DateTime SubmittedAt, string SubmittedBy);

    public sealed record HistoryRow(DateTime At, AccreditationStatus? From, AccreditationStatus To, string? Reason, string? By);

    public sealed class Model
    {
        public int Id { get; init; }
        public int OrganisationId { get; init; }
        public string Organisation { get; init; } = "";
        public string? Acronym { get; init; }
        public string? CountryCode { get; init; }
        public AccreditationBasis Basis { get; init; }
        public AccreditationStatus Status { get; init; }
        public TranslatedText? BodyName { get; init; }
        public DateOnly? GrantedOn { get; init; }
        public Guid Version { get; init; }
        public ApplicationView? Application { get; init; }
        public IReadOnlyList<HistoryRow> History { get; init; } = [];
        public bool CanDecide { get; init; }

        /// <summary>The reason typed before a refused decision, shown again.</summary>
        public string? Reason { get; set; }
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such accreditation or the user may not see it.</summary>
        public async Task<Model?> HandleAsync(int id, string userId, bool isSecretariat)
        {
            var language = Cultures.Current;
            var visible = db.Accreditations.AsNoTracking().Where(a => a.Id == id);
            if (!isSecretariat)
            {
                visible = visible.Where(a => db.OrganisationsActedForBy(userId).Contains(a.OrganisationId));
            }

            var found = await visible
                .Join(db.Organisations, a => a.OrganisationId, o => o.Id, (a, o) => new
                {
                    a.Id,
                    a.OrganisationId,
                    Organisation = o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                    o.Acronym,
                    o.CountryCode,
                    a.Basis,
                    a.Status,
                    a.BodyId,
                    a.GrantedOn,
                    a.Version,
                    Application = a.Application == null ? null : new ApplicationView(
                        a.Application.Mission,
                        db.StoredFiles.Where(f => f.Id == a.Application.LetterFileId).Select(f => f.OriginalName).FirstOrDefault() ?? "",
                        db.StoredFiles.Where(f => f.Id == a.Application.GoverningBodyListFileId).Select(f => f.OriginalName).FirstOrDefault() ?? "",
                        a.Application.SubmittedAt,
                        db.Users.Where(u => u.Id == a.Application.SubmittedByUserId).Select(u => u.FullName).FirstOrDefault() ?? ""),
                })
                .SingleOrDefaultAsync();
            if (found is null)
            {
                return null;
            }

            var history = await db.AccreditationChanges.AsNoTracking()
                .Where(c => c.AccreditationId == id)
                .OrderBy(c => c.At).ThenBy(c => c.Id)
                .Select(c => new HistoryRow(c.At, c.FromStatus, c.ToStatus, c.Reason, db.Users.Where(u => u.Id == c.ByUserId).Select(u => u.FullName).FirstOrDefault()))
                .ToListAsync();
            return new Model
            {
                Id = found.Id,
                OrganisationId = found.OrganisationId,
                Organisation = found.Organisation,
                Acronym = found.Acronym,
                CountryCode = found.CountryCode,
                Basis = found.Basis,
                Status = found.Status,
                BodyName = (await BodyNames.LoadAsync(db)).Of(found.BodyId),
                GrantedOn = found.GrantedOn,
                Version = found.Version,
                Application = found.Application,
                History = history,
                CanDecide = isSecretariat,
            };
        }
    }
}
