using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Registration;
using Sessions.Web.Infrastructure.Files;

namespace Sessions.Web.Features.Registration.GroundsPass;

/// <summary>
/// The participant, their focal point or the secretariat gives the grounds-pass photo (re-encoded, see
/// <see cref="GroundsPassPhoto"/>; the previous one is deleted) or the identity data the session asks for.
/// </summary>
public static class ChangeGroundsPass
{
    /// <summary>The request limit on the upload: the 5 MB photo plus the form around it.</summary>
    public const long MaxRequestBytes = GroundsPassPhoto.MaxBytes + (256 * 1024);

    public sealed class IdentityForm
    {
        public Guid Version { get; set; }
        public string? Nationality { get; set; }
        public string? DocumentNumber { get; set; }
        public DateOnly? ExpiresOn { get; set; }
    }

    public sealed class Handler(SessionsDbContext db, IFileStore store, TimeProvider clock)
    {
        /// <summary>False when the participant is not the viewer's to reach.</summary>
        public async Task<bool> UploadPhotoAsync(ParticipantAccess reach, IFormFile? file, CancellationToken cancellationToken = default)
        {
            var participant = await reach.Query(db).SingleOrDefaultAsync(cancellationToken);
            if (participant is null)
            {
                return false;
            }

            EnsureChangeable(participant);
            if (file is null || file.Length == 0)
            {
                throw new DomainException("Choose the photo (JPEG or PNG).");
            }

            if (file.Length > GroundsPassPhoto.MaxBytes)
            {
                throw new DomainException("The file is larger than {0} MB.", GroundsPassPhoto.MaxBytes / (1024 * 1024));
            }

            byte[] upload;
            using (var buffer = new MemoryStream((int)file.Length))
            {
                await using var content = file.OpenReadStream();
                await content.CopyToAsync(buffer, cancellationToken);
                upload = buffer.ToArray();
            }

            byte[] photo;
            await GroundsPassPhoto.Decoding.WaitAsync(cancellationToken);
            try
            {
                photo = GroundsPassPhoto.Process(upload);
            }
            finally
            {
                GroundsPassPhoto.Decoding.Release();
            }

            var stored = await store.SaveAsync(new MemoryStream(photo), "photo.jpg", UploadRule.GroundsPassPhoto, reach.UserId, cancellationToken);
            db.StoredFiles.Add(stored);
            var previous = participant.ReplacePhoto(stored.Id);
            var old = previous is null ? null : await db.StoredFiles.SingleOrDefaultAsync(f => f.Id == previous, cancellationToken);
            if (old is not null)
            {
                db.StoredFiles.Remove(old);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                // No record points at the new file: keep no photo nobody can erase.
                store.Delete(stored);
                throw;
            }

            if (old is not null)
            {
                store.Delete(old);
            }

            return true;
        }

        public async Task<bool> GiveIdentityAsync(ParticipantAccess reach, IdentityForm form, CancellationToken cancellationToken = default)
        {
            var participant = await reach.Query(db).SingleOrDefaultAsync(cancellationToken);
            if (participant is null)
            {
                return false;
            }

            EnsureChangeable(participant);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            participant.GiveIdentityDocument(IdentityDocument.Of(form.Nationality, form.DocumentNumber, form.ExpiresOn, today));
            db.Entry(participant).Property(p => p.Version).OriginalValue = form.Version;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        /// <summary>The photo's record, for the viewer who may reach the participant.</summary>
        public async Task<StoredFile?> PhotoAsync(ParticipantAccess reach, CancellationToken cancellationToken = default)
        {
            var fileId = await reach.Query(db).Select(p => p.PhotoFileId).SingleOrDefaultAsync(cancellationToken);
            return fileId is null ? null : await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        }

        private static void EnsureChangeable(Participant participant)
        {
            if (participant.GroundsPassErasedAt is not null)
            {
                throw new DomainException("The grounds pass of this session has been erased.");
            }

            if (!participant.IsInTheRunning)
            {
                throw new DomainException("This participant is no longer in the delegation.");
            }
        }
    }
}
