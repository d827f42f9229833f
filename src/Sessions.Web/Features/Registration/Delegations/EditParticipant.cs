using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>Corrects a nominee before the nomination deadline; an approved nominee or delegation goes back to review.</summary>
public static class EditParticipant
{
    public sealed class Handler(SessionsDbContext db, TimeProvider clock, ParticipantNoticesHandler notices)
    {
        public async Task<ParticipantForm?> LoadAsync(int id, int participantId, string userId)
        {
            var form = await db.DelegationsActedForBy(userId).AsNoTracking().Where(d => d.Id == id)
                .SelectMany(d => d.Participants.Where(p => p.Id == participantId), (d, p) => new ParticipantForm
                {
                    DelegationId = d.Id,
                    ParticipantId = p.Id,
                    Version = d.Version,
                    Title = p.Title,
                    GivenName = p.GivenName,
                    FamilyName = p.FamilyName,
                    Function = p.Function,
                    Email = p.Email,
                    PreferredLanguage = p.PreferredLanguage,
                    ConsentToPublicList = p.ConsentToPublicList,
                    Attendance = p.Attendance,
                    SessionFormat = db.Sessions.Where(s => s.Id == d.SessionId).Select(s => s.Format).Single(),
                    OrganisationName = db.Organisations.Where(o => o.Id == d.OrganisationId).Select(o => o.Name).Single(),
                    SessionSymbol = db.Sessions.Where(s => s.Id == d.SessionId).Select(s => s.Symbol).Single(),
                })
                .SingleOrDefaultAsync();
            if (form is not null)
            {
                form.Needs = await SpecialRequirements.NeedsForm.LoadAsync(db, participantId);
            }

            return form;
        }

        public async Task<ChangeOutcome> HandleAsync(int id, int participantId, string userId, ParticipantForm form)
        {
            var loaded = await db.LoadForChangeAsync(id, userId);
            if (loaded is null || loaded.Delegation.Participants.All(p => p.Id != participantId))
            {
                return ChangeOutcome.NotFound;
            }

            var (delegation, session, organisationName) = loaded;
            NominationRules.EnsureNominationsOpen(clock.GetUtcNow().UtcDateTime, session.NominationDeadline);
            var details = form.ToDetails();
            await NominateParticipant.Handler.EnsureNotNominatedInSessionAsync(db, session.Id, details.Email, participantId);
            var previousEmail = delegation.Participants.Single(p => p.Id == participantId).Email;
            var attendance = WayOfAttending.Decide(session.Format, form.Attendance, delegation.Participants.Single(p => p.Id == participantId).Attendance);
            var participant = delegation.EditParticipant(participantId, details);
            participant.AttendAs(attendance);
            await db.LinkToItsAccountAsync(participant);
            await form.Needs.StateAsync(db, participantId, clock.GetUtcNow().UtcDateTime);

            // A new address has never seen the invitation: it gets its own link to confirm.
            if (!string.Equals(previousEmail, participant.Email, StringComparison.OrdinalIgnoreCase))
            {
                notices.QueueNomination(participant, session, organisationName);
            }

            return await db.SaveOverAsync(delegation, form.Version);
        }
    }
}
