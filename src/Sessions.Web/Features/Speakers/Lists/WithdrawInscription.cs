using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
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

    /// <summary>
    /// What withdrawing a request for the floor will do, for the delegate (<paramref name="userId"/> given: only their
    /// delegations' requests) or the secretariat at the console (any request of the list).
    /// </summary>
    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(int inscriptionId, string? userId, int? listId, string cancelUrl)
        {
            var language = Cultures.Current;
            var inscriptions = userId is null
                ? db.Inscriptions.Where(i => i.SpeakersListId == listId)
                : db.Inscriptions.Where(i => db.DelegationsSpokenForBy(userId).Select(d => d.Id).Contains(i.DelegationId));
            var delegation = await inscriptions.AsNoTracking().Where(i => i.Id == inscriptionId)
                .Select(i => i.GroupName ?? db.Delegations.Where(d => d.Id == i.DelegationId)
                    .Select(d => db.Organisations.Where(o => o.Id == d.OrganisationId)
                        .Select(o => o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name).Single())
                    .Single())
                .SingleOrDefaultAsync();
            return delegation is null ? null : new Confirmation(
                t["Withdraw {0} from the list?", delegation],
                [t["{0} loses its place on the list of speakers.", delegation]],
                t["Withdraw the request for the floor"],
                cancelUrl);
        }
    }
}
