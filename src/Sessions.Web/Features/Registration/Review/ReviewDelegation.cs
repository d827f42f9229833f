using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.Review;

/// <summary>One delegation as the secretariat reviews it: the organisation, the letter, every participant.</summary>
public static class ReviewDelegation
{
    public sealed record ParticipantRow(
        string Title,
        string GivenName,
        string FamilyName,
        ParticipantFunction Function,
        string Email,
        string PreferredLanguage,
        bool ConsentToPublicList,
        ParticipantStatus Status,
        DateTime? ConfirmedAt,
        string? BadgeToken,
        bool BadgeRevoked,
        int Id,
        Guid Version,
        string? UserId,
        string? AccountEmail,
        bool AccountLinkUndone,
        AttendanceMode Attendance,
        bool HasPhoto);

    public sealed class Model
    {
        public required int Id { get; init; }
        public required int SessionId { get; init; }
        public required string SessionSymbol { get; init; }
        public required TranslatedText SessionTitle { get; init; }
        public required int OrganisationId { get; init; }
        public required string Organisation { get; init; }
        public required OrganisationCategory Category { get; init; }
        public required string? CountryCode { get; init; }
        public required Capacity Capacity { get; init; }
        public required RegistrationStatus Status { get; init; }
        public required DateTime? SubmittedAt { get; init; }
        public required DateTime? DecidedAt { get; init; }
        public required string? RejectionReason { get; init; }
        public required bool HasLetter { get; init; }
        public required IReadOnlyList<ParticipantRow> Participants { get; init; }
        public required string Language { get; init; }

        /// <summary>What the reviewer typed, kept when the form comes back with an error.</summary>
        public string? Reason { get; set; }
    }

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model?> HandleAsync(int id, string language)
        {
            var delegation = await db.Delegations.AsNoTracking().Where(d => d.Id == id)
                .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new { d, o })
                .Join(db.Sessions, x => x.d.SessionId, s => s.Id, (x, s) => new
                {
                    x.d.Id,
                    x.d.SessionId,
                    SessionSymbol = s.Symbol,
                    SessionTitle = s.Title,
                    x.d.OrganisationId,
                    Organisation = x.o.OriginalLanguage == language ? x.o.Name : x.o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? x.o.Name,
                    x.o.Category,
                    x.o.CountryCode,
                    x.d.Capacity,
                    x.d.Status,
                    x.d.SubmittedAt,
                    x.d.DecidedAt,
                    x.d.RejectionReason,
                    HasLetter = x.d.LetterFileId != null,
                })
                .SingleOrDefaultAsync();
            if (delegation is null)
            {
                return null;
            }

            var participants = await db.Participants.AsNoTracking().Where(p => p.DelegationId == id)
                .OrderBy(p => p.Function).ThenBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id)
                .Select(p => new ParticipantRow(p.Title, p.GivenName, p.FamilyName, p.Function, p.Email, p.PreferredLanguage, p.ConsentToPublicList, p.Status, p.ConfirmedAt, p.BadgeToken, p.BadgeRevokedAt != null,
                    p.Id, p.Version, p.UserId, db.Users.Where(u => u.Id == p.UserId).Select(u => u.Email).FirstOrDefault(), p.AccountLinkUndone, p.Attendance, p.PhotoFileId != null))
                .ToListAsync();

            return new Model
            {
                Id = delegation.Id,
                SessionId = delegation.SessionId,
                SessionSymbol = delegation.SessionSymbol,
                SessionTitle = delegation.SessionTitle,
                OrganisationId = delegation.OrganisationId,
                Organisation = delegation.Organisation,
                Category = delegation.Category,
                CountryCode = delegation.CountryCode,
                Capacity = delegation.Capacity,
                Status = delegation.Status,
                SubmittedAt = delegation.SubmittedAt,
                DecidedAt = delegation.DecidedAt,
                RejectionReason = delegation.RejectionReason,
                HasLetter = delegation.HasLetter,
                Participants = participants,
                Language = language,
            };
        }

        /// <summary>The delegation's letter, or null when there is none.</summary>
        public Task<StoredFile?> LetterAsync(int id) =>
            db.Delegations.AsNoTracking().Where(d => d.Id == id && d.LetterFileId != null)
                .Join(db.StoredFiles, d => d.LetterFileId, f => (Guid?)f.Id, (d, f) => f)
                .SingleOrDefaultAsync();
    }
}
