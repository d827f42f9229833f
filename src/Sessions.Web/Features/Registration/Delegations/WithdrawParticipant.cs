using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>Withdraws one nominee (allowed at any time); a freed observer place goes to the waitlist.</summary>
public static class WithdrawParticipant
{
    public sealed class Handler(SessionsDbContext db, TimeProvider clock, ParticipantNoticesHandler notices, PromoteFromWaitlist.Handler waitlist)
    {
        public async Task<ChangeOutcome> HandleAsync(int id, int participantId, string userId, Guid version)
        {
            var loaded = await db.LoadForChangeAsync(id, userId);
            var participant = loaded?.Delegation.Participants.FirstOrDefault(p => p.Id == participantId);
            if (loaded is null || participant is null)
            {
                return ChangeOutcome.NotFound;
            }

            var (delegation, session, organisationName) = loaded;
            if (participant.Status == ParticipantStatus.Withdrawn)
            {
                return ChangeOutcome.Done;
            }

            delegation.WithdrawParticipant(participantId, clock.GetUtcNow().UtcDateTime);
            notices.QueueWithdrawal(participant, session, organisationName);
            await waitlist.FillFreePlacesAsync(session);

            return await db.SaveOverAsync(delegation, version);
        }
    }

    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(int id, int participantId, string userId)
        {
            var participant = await db.DelegationsActedForBy(userId).AsNoTracking()
                .Where(d => d.Id == id)
                .SelectMany(d => d.Participants)
                .Where(p => p.Id == participantId)
                .Select(p => new { p.GivenName, p.FamilyName, p.Email })
                .SingleOrDefaultAsync();
            if (participant is null)
            {
                return null;
            }

            var name = $"{participant.GivenName} {participant.FamilyName}".Trim();
            return new Confirmation(
                t["Withdraw {0} from the delegation?", name],
                [
                    t["{0} will no longer take part in the session; their badge, if any, stops being valid.", name],
                    t["{0} will be told by email at {1}.", name, participant.Email],
                ],
                t["Withdraw the participant"],
                $"/delegations/{id}");
        }
    }
}
