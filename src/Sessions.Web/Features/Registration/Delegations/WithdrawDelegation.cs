using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>Withdraws the whole delegation (allowed at any time): every nominee is told, freed observer places go to the waitlist.</summary>
public static class WithdrawDelegation
{
    public sealed class Handler(SessionsDbContext db, TimeProvider clock, ParticipantNoticesHandler notices, PromoteFromWaitlist.Handler waitlist)
    {
        public async Task<ChangeOutcome> HandleAsync(int id, string userId, Guid version)
        {
            var loaded = await db.LoadForChangeAsync(id, userId);
            if (loaded is null)
            {
                return ChangeOutcome.NotFound;
            }

            var (delegation, session, organisationName) = loaded;
            var concerned = delegation.Participants.Where(p => p.IsInTheRunning).ToList();
            delegation.Withdraw(clock.GetUtcNow().UtcDateTime);
            foreach (var participant in concerned)
            {
                notices.QueueWithdrawal(participant, session, organisationName);
            }

            await waitlist.FillFreePlacesAsync(session);
            return await db.SaveOverAsync(delegation, version);
        }
    }
}
