using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Organisations;

namespace Sessions.Web.Features.Accreditation;

/// <summary>A document of an application, for the secretariat or the organisation's own focal points only.</summary>
public static class AccreditationDocument
{
    public enum Kind
    {
        Letter,
        GoverningBodyList,
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such document or the user may not read it.</summary>
        public async Task<StoredFile?> HandleAsync(int accreditationId, Kind kind, string userId, bool isSecretariat)
        {
            var applications = db.AccreditationApplications.AsNoTracking().Where(p => p.AccreditationId == accreditationId);
            if (!isSecretariat)
            {
                applications = applications.Where(p => db.Accreditations.Any(a => a.Id == p.AccreditationId && db.OrganisationsActedForBy(userId).Contains(a.OrganisationId)));
            }

            var fileId = await applications.Select(p => kind == Kind.Letter ? p.LetterFileId : p.GoverningBodyListFileId).Cast<Guid?>().SingleOrDefaultAsync();
            return fileId is null ? null : await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId);
        }
    }
}
