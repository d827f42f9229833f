using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>The delegation page: capacity, status, quota, deadlines at the venue, the letter and the participants.</summary>
public static class ShowDelegation
{
    public sealed record ParticipantRow(int Id, string Title, string FullName, ParticipantFunction Function, string Email, string PreferredLanguage, bool ConsentToPublicList, ParticipantStatus Status, AttendanceMode Attendance)
    {
        public bool CanChange => Status is not (ParticipantStatus.Withdrawn or ParticipantStatus.Rejected);
    }

    public sealed record Model(
        int Id,
        Guid Version,
        int OrganisationId,
        string OrganisationName,
        int SessionId,
        string SessionSymbol,
        TranslatedText SessionTitle,
        string TimeZoneId,
        Capacity Capacity,
        RegistrationStatus Status,
        string? RejectionReason,
        string? LetterName,
        int? Quota,
        int Used,
        DateTime? NominationDeadline,
        DateTime? RegistrationDeadline,
        bool NominationsOpen,
        IReadOnlyList<ParticipantRow> Participants)
    {
        /// <summary>Member States send credentials (a Note Verbale); everyone else a nomination letter.</summary>
        public bool NeedsCredentials => Capacity is Capacity.Member or Capacity.ObserverState;

        public bool IsWithdrawn => Status == RegistrationStatus.Withdrawn;

        public bool CanSubmit => Status is RegistrationStatus.Draft or RegistrationStatus.Rejected;
    }

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        /// <summary>Null unless the delegation belongs to an organisation the user acts for.</summary>
        public async Task<Model?> HandleAsync(int id, string userId, string language)
        {
            var d = await db.DelegationsActedForBy(userId).AsNoTracking().Where(x => x.Id == id)
                .Select(x => new
                {
                    x.Id,
                    x.Version,
                    x.OrganisationId,
                    OrganisationName = db.Organisations.Where(o => o.Id == x.OrganisationId)
                        .Select(o => o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name).Single(),
                    x.SessionId,
                    x.Capacity,
                    x.Status,
                    x.RejectionReason,
                    LetterName = db.StoredFiles.Where(f => f.Id == x.LetterFileId).Select(f => f.OriginalName).FirstOrDefault(),
                })
                .SingleOrDefaultAsync();
            if (d is null)
            {
                return null;
            }

            var session = await db.Sessions.AsNoTracking().Include(s => s.Body).SingleAsync(s => s.Id == d.SessionId);
            var participants = await db.Participants.AsNoTracking().Where(p => p.DelegationId == id)
                .OrderBy(p => p.Status == ParticipantStatus.Withdrawn).ThenBy(p => p.NominatedAt).ThenBy(p => p.Id)
                .Select(p => new ParticipantRow(p.Id, p.Title, p.GivenName + " " + p.FamilyName, p.Function, p.Email, p.PreferredLanguage, p.ConsentToPublicList, p.Status, p.Attendance))
                .ToListAsync();
            var quota = NominationRules.QuotaFor(d.Capacity, session.Body!.ObserverQuotaPerOrganisation, session.ObserverQuotaOverride, session.MemberQuota);
            var used = participants.Count(p => Participant.InTheRunning.Contains(p.Status));
            var now = clock.GetUtcNow().UtcDateTime;
            return new Model(
                d.Id,
                d.Version,
                d.OrganisationId,
                d.OrganisationName,
                session.Id,
                session.Symbol,
                session.Title,
                session.TimeZoneId,
                d.Capacity,
                d.Status,
                d.RejectionReason,
                d.LetterName,
                quota,
                used,
                session.ToLocal(session.NominationDeadline),
                session.ToLocal(session.RegistrationDeadline),
                session.NominationDeadline is null || now <= session.NominationDeadline,
                participants);
        }
    }
}
