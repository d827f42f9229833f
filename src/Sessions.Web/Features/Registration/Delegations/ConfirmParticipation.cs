using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>
/// The page a nominee reaches from their invitation (anonymous: the token in the link is the secret): they
/// check their details, correct their name, title, language and consent, and confirm by the registration deadline;
/// then they create their account or sign in (<see cref="ParticipantAccount"/>).
/// </summary>
public static class ConfirmParticipation
{
    /// <summary>The nominee's own details (<see cref="PersonalDetailsForm"/>) and what the page shows around them.</summary>
    public sealed class Form : PersonalDetailsForm
    {
        public string Token { get; set; } = "";
        public string Email { get; set; } = "";
        public ParticipantFunction Function { get; set; }
        public ParticipantStatus Status { get; set; }
        public string OrganisationName { get; set; } = "";
        public string SessionSymbol { get; set; } = "";
        [BindNever]
        [ValidateNever]
        public TranslatedText? SessionTitle { get; set; }
        public string TimeZoneId { get; set; } = "";
        public DateTime? RegistrationDeadline { get; set; }
        public bool DeadlinePassed { get; set; }

        /// <summary>The account step below the details (<see cref="ParticipantAccount"/>).</summary>
        [BindNever]
        [ValidateNever]
        public ParticipantAccount.Step? Account { get; set; }

        /// <summary>What the account form posts, kept when it is refused.</summary>
        [ValidateNever]
        public ParticipantAccount.NewAccount NewAccount { get; set; } = new();

        public AttendanceMode Attendance { get; set; }
        public global::Sessions.Core.Sessions.SessionFormat SessionFormat { get; set; }
    }

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        /// <summary>Null for a token nobody was given.</summary>
        public async Task<Form?> LoadAsync(string token)
        {
            var row = await (
                    from p in db.Participants.AsNoTracking()
                    join d in db.Delegations on p.DelegationId equals d.Id
                    join s in db.Sessions on d.SessionId equals s.Id
                    join o in db.Organisations on d.OrganisationId equals o.Id
                    where p.ConfirmationToken == token
                    select new { Participant = p, OrganisationName = o.Name, Session = s })
                .SingleOrDefaultAsync();
            if (row is null)
            {
                return null;
            }

            var (participant, session) = (row.Participant, row.Session);
            return new Form
            {
                Version = participant.Version,
                Title = participant.Title,
                GivenName = participant.GivenName,
                FamilyName = participant.FamilyName,
                PreferredLanguage = participant.PreferredLanguage,
                ConsentToPublicList = participant.ConsentToPublicList,
                Token = token,
                Email = participant.Email,
                Function = participant.Function,
                Status = participant.Status,
                OrganisationName = row.OrganisationName,
                SessionSymbol = session.Symbol,
                SessionTitle = session.Title,
                TimeZoneId = session.TimeZoneId,
                RegistrationDeadline = session.ToLocal(session.RegistrationDeadline),
                DeadlinePassed = session.RegistrationDeadline is not null && clock.GetUtcNow().UtcDateTime > session.RegistrationDeadline,
                Attendance = participant.Attendance,
                SessionFormat = session.Format,
            };
        }

        public async Task<ChangeOutcome> HandleAsync(string token, Form form)
        {
            var participant = await db.Participants.SingleOrDefaultAsync(p => p.ConfirmationToken == token);
            if (participant is null)
            {
                return ChangeOutcome.NotFound;
            }

            var deadline = await db.Delegations.Where(d => d.Id == participant.DelegationId)
                .Join(db.Sessions, d => d.SessionId, s => s.Id, (d, s) => s.RegistrationDeadline).SingleAsync();
            var now = clock.GetUtcNow().UtcDateTime;
            if (deadline is not null && now > deadline)
            {
                throw new DomainException("The registration deadline has passed: your details can no longer be confirmed. Contact your organisation's focal point.");
            }

            participant.Confirm(now);
            participant.Update(form.ToDetails(participant.Function, participant.Email));
            db.Entry(participant).Property(p => p.Version).OriginalValue = form.Version;
            try
            {
                await db.SaveChangesAsync();
                return ChangeOutcome.Done;
            }
            catch (DbUpdateConcurrencyException)
            {
                return ChangeOutcome.Conflict;
            }
        }
    }
}
