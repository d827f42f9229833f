using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>
/// Nominates a participant within the delegation's quota and before the nomination deadline; beyond the
/// session's overall observer capacity the nominee is waitlisted. The nominee is invited to confirm by email.
/// </summary>
public static class NominateParticipant
{
    public sealed record Result(ChangeOutcome Outcome, ParticipantStatus? Status = null);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock, ParticipantNoticesHandler notices)
    {
        /// <summary>The empty form; <see cref="ParticipantForm.NominationsClosed"/> when the deadline has passed, so the page says so instead.</summary>
        public async Task<ParticipantForm?> LoadAsync(int id, string userId)
        {
            var form = await db.DelegationsActedForBy(userId).AsNoTracking().Where(d => d.Id == id)
                .Select(d => new
                {
                    Form = new ParticipantForm
                    {
                        DelegationId = d.Id,
                        Version = d.Version,
                        OrganisationName = db.Organisations.Where(o => o.Id == d.OrganisationId).Select(o => o.Name).Single(),
                        SessionSymbol = db.Sessions.Where(s => s.Id == d.SessionId).Select(s => s.Symbol).Single(),
                    },
                    Deadline = db.Sessions.Where(s => s.Id == d.SessionId).Select(s => s.NominationDeadline).Single(),
                    Format = db.Sessions.Where(s => s.Id == d.SessionId).Select(s => s.Format).Single(),
                })
                .SingleOrDefaultAsync();
            if (form is null)
            {
                return null;
            }

            form.Form.NominationsClosed = !NominationRules.NominationsOpen(clock.GetUtcNow().UtcDateTime, form.Deadline);
            form.Form.SessionFormat = form.Format;
            form.Form.Attendance = WayOfAttending.FixedBy(form.Format) ?? AttendanceMode.InPerson;
            return form.Form;
        }

        public async Task<Result> HandleAsync(int id, string userId, ParticipantForm form)
        {
            var loaded = await db.LoadForChangeAsync(id, userId);
            if (loaded is null)
            {
                return new Result(ChangeOutcome.NotFound);
            }

            var (delegation, session, organisationName) = loaded;
            var now = clock.GetUtcNow().UtcDateTime;
            var details = form.ToDetails();
            NominationRules.EnsureNominationsOpen(now, session.NominationDeadline);
            var attendance = WayOfAttending.Decide(session.Format, form.Attendance, AttendanceMode.InPerson);
            if (delegation.Status == RegistrationStatus.Withdrawn)
            {
                throw new DomainException("This delegation has been withdrawn.");
            }

            await EnsureNotNominatedInSessionAsync(db, session.Id, details.Email, exceptParticipantId: null);
            var quota = NominationRules.QuotaFor(delegation.Capacity, session.Body!.ObserverQuotaPerOrganisation, session.ObserverQuotaOverride, session.MemberQuota);

            // Waitlisted nominees count against the delegation's quota too: a quota is a number of people.
            var inDelegation = delegation.Participants.Count(p => p.IsInTheRunning);
            var observersInSession = await db.ObserversHoldingAPlace(session.Id).CountAsync();
            var status = NominationRules.Decide(delegation.Capacity, now, session.NominationDeadline, quota, inDelegation, session.ObserverCapacity, observersInSession);

            var participant = delegation.Nominate(details, status, now);
            participant.AttendAs(attendance);
            await db.LinkToItsAccountAsync(participant);
            notices.QueueNomination(participant, session, organisationName);
            if (form.Needs.ToNeeds() is { Any: true } needs)
            {
                var requirements = new Core.Registration.SpecialRequirements(participant);
                requirements.State(needs, now);
                db.SpecialRequirements.Add(requirements);
            }

            var outcome = await db.SaveOverAsync(delegation, form.Version);
            return new Result(outcome, status);
        }

        /// <summary>One person, one place per session: the same email cannot be nominated twice, whichever delegation.</summary>
        internal static async Task EnsureNotNominatedInSessionAsync(SessionsDbContext db, int sessionId, string email, int? exceptParticipantId)
        {
            var normalised = email.Trim().ToLowerInvariant();
            if (normalised.Length == 0)
            {
                return;
            }

            var taken = await (
                    from p in db.Participants
                    join d in db.Delegations on p.DelegationId equals d.Id
                    where d.SessionId == sessionId && p.Id != exceptParticipantId && p.Email.ToLower() == normalised
                        && Participant.InTheRunning.Contains(p.Status)
                    select p.Id)
                .AnyAsync();
            if (taken)
            {
                throw new DomainException("{0} is already nominated to this session.", email.Trim());
            }
        }
    }
}
