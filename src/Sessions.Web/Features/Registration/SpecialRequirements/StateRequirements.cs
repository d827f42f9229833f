using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.SpecialRequirements;

/// <summary>A participant (private link or account) or their focal point states the participant's accessibility and dietary needs.</summary>
public static class StateRequirements
{
    public sealed record Model(ParticipantAccess Access, string ParticipantName, string SessionSymbol, TranslatedText SessionTitle, NeedsForm Form);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        public async Task<Model?> LoadAsync(ParticipantAccess access, NeedsForm? typed = null)
        {
            var row = await (
                    from p in access.Query(db).AsNoTracking()
                    join d in db.Delegations on p.DelegationId equals d.Id
                    join s in db.Sessions on d.SessionId equals s.Id
                    select new { p.Id, p.GivenName, p.FamilyName, s.Symbol, s.Title })
                .SingleOrDefaultAsync();
            return row is null
                ? null
                : new Model(access, $"{row.GivenName} {row.FamilyName}", row.Symbol, row.Title, typed ?? await NeedsForm.LoadAsync(db, row.Id));
        }

        /// <summary>False when this person may not reach the participant.</summary>
        public async Task<bool> HandleAsync(ParticipantAccess access, NeedsForm form)
        {
            var participantId = await access.Query(db).Select(p => (int?)p.Id).SingleOrDefaultAsync();
            if (participantId is not { } id)
            {
                return false;
            }

            await form.StateAsync(db, id, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return true;
        }
    }
}
