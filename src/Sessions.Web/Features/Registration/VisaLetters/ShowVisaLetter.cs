using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.VisaLetters;

/// <summary>The printable page of an approved letter, as it was issued; for its participant, their focal point and the secretariat.</summary>
public static class ShowVisaLetter
{
    public sealed record Model(int RequestId, string Reference, IssuedLetter Letter, string BackLink);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>The approved letter of the participant this person may reach; null when there is none.</summary>
        public Task<Model?> ForParticipantAsync(ParticipantAccess access, CancellationToken cancellationToken = default) =>
            FindAsync(db.VisaLetterRequests.Where(r => access.Query(db).Any(p => p.Id == r.ParticipantId)), access.BasePath + "/visa-letter", cancellationToken);

        public Task<Model?> ForSecretariatAsync(int requestId, CancellationToken cancellationToken = default) =>
            FindAsync(db.VisaLetterRequests.Where(r => r.Id == requestId), $"/visa-letters/{requestId}", cancellationToken);

        private static async Task<Model?> FindAsync(IQueryable<VisaLetterRequest> requests, string backLink, CancellationToken cancellationToken)
        {
            var letter = await requests.AsNoTracking().Where(r => r.Status == VisaLetterStatus.Approved && r.LetterHtml != null)
                .Select(r => new { r.Id, r.Reference, r.LetterLanguage, r.LetterTitle, r.LetterHtml })
                .SingleOrDefaultAsync(cancellationToken);
            return letter is null
                ? null
                : new Model(letter.Id, letter.Reference!, new IssuedLetter(letter.LetterLanguage!, letter.LetterTitle!, letter.LetterHtml!), backLink);
        }
    }
}
