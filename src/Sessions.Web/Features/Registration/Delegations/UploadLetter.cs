using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>The credentials letter (Note Verbale) of a member State or the nomination letter of an observer: a PDF by its content, at most 10 MB.</summary>
public static class UploadLetter
{
    /// <summary>The request limit on the upload action: the 10 MB file plus the form around it.</summary>
    public const long MaxRequestBytes = 12 * 1024 * 1024;

    public sealed class Handler(SessionsDbContext db, IFileStore store, TimeProvider clock)
    {
        public async Task<ChangeOutcome> HandleAsync(int id, string userId, Guid version, IFormFile? file)
        {
            var loaded = await db.LoadForChangeAsync(id, userId);
            if (loaded is null)
            {
                return ChangeOutcome.NotFound;
            }

            NominationRules.EnsureNominationsOpen(clock.GetUtcNow().UtcDateTime, loaded.Session.NominationDeadline);
            if (file is null)
            {
                throw new DomainException("Choose the PDF file of the letter.");
            }

            if (loaded.Delegation.Status == RegistrationStatus.Withdrawn)
            {
                throw new DomainException("This delegation has been withdrawn.");
            }

            await using var content = file.OpenReadStream();
            var stored = await store.SaveAsync(content, file.FileName, UploadRule.Pdf, userId);
            db.StoredFiles.Add(stored);
            loaded.Delegation.AttachLetter(stored.Id);
            return await db.SaveOverAsync(loaded.Delegation, version);
        }

        /// <summary>The letter's record; null unless the delegation is the user's and has a letter.</summary>
        public async Task<StoredFile?> FindAsync(int id, string userId)
        {
            var fileId = await db.DelegationsActedForBy(userId).Where(d => d.Id == id).Select(d => d.LetterFileId).SingleOrDefaultAsync();
            return fileId is null ? null : await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId);
        }
    }
}
