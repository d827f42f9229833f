using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Delegations;

/// <summary>
/// The page a nominee reaches from their invitation (anonymous: the token in the link is the secret): they
/// check their details, correct their name, title, language and consent, and confirm by the registration deadline.
/// </summary>
public static class ConfirmParticipation
{
    public sealed class Form
    {
        public Guid Version { get; set; }

        [Display(Name = "Title (Mr., Ms., Dr., H.E....)")]
        public string? Title { get; set; }

        [Display(Name = "Given name")]
        public string? GivenName { get; set; }

        [Display(Name = "Family name")]
        public string? FamilyName { get; set; }

        [Display(Name = "Preferred language")]
        public string PreferredLanguage { get; set; } = Languages.English;

        [Display(Name = "Appears in the public list of participants")]
        public bool ConsentToPublicList { get; set; }

        public string Token { get; set; } = "";
        public string Email { get; set; } = "";
        public ParticipantFunction Function { get; set; }
        public ParticipantStatus Status { get; set; }
        public string OrganisationName { get; set; } = "";
        public string SessionSymbol { get; set; } = "";
        public string SessionTitle { get; set; } = "";
        public string TimeZoneId { get; set; } = "";
        public DateTime? RegistrationDeadline { get; set; }
        public bool DeadlinePassed { get; set; }
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
            participant.Update(new ParticipantDetails(
                form.Title ?? "", form.GivenName ?? "", form.FamilyName ?? "", participant.Function, participant.Email, form.PreferredLanguage, form.ConsentToPublicList));
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
