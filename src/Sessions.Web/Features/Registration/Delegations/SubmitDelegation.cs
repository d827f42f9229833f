using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>Sends the delegation to the secretariat before the nomination deadline: it needs its letter and at least one participant.</summary>
public static class SubmitDelegation
{
    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        public async Task<ChangeOutcome> HandleAsync(int id, string userId, Guid version)
        {
            var loaded = await db.LoadForChangeAsync(id, userId);
            if (loaded is null)
            {
                return ChangeOutcome.NotFound;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            NominationRules.EnsureNominationsOpen(now, loaded.Session.NominationDeadline);
            loaded.Delegation.Submit(now);
            return await db.SaveOverAsync(loaded.Delegation, version);
        }
    }
}
