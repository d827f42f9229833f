using Sessions.Core.Data;
using Sessions.Core.Registration;

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
}
