using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Speakers;

namespace Sessions.Web.Features.Speakers.Lists;

/// <summary>A delegate or focal point takes back their delegation's request for the floor while it is still waiting.</summary>
public static class WithdrawInscription
{
    public sealed class Handler(SessionsDbContext db, SpeakersListChanges changes)
    {
        /// <summary>False when the inscription does not exist or is not of one of the user's delegations.</summary>
        public async Task<bool> HandleAsync(int inscriptionId, string userId)
        {
            var listId = await db.Inscriptions.Where(i => i.Id == inscriptionId && db.DelegationsSpokenForBy(userId).Select(d => d.Id).Contains(i.DelegationId))
                .Select(i => (int?)i.SpeakersListId).SingleOrDefaultAsync();
            if (listId is null)
            {
                return false;
            }

            return await changes.ApplyAsync(listId.Value, null, (list, now) => list.Withdraw(inscriptionId, now), CancellationToken.None) is not null;
        }
    }
}
