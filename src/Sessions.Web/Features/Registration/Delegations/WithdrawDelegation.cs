using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

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

    /// <summary>What withdrawing will do: every participant still in the running (waitlisted included) is told by email.</summary>
    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(int id, string userId)
        {
            var language = Cultures.Current;
            var delegation = await db.DelegationsActedForBy(userId).AsNoTracking()
                .Where(d => d.Id == id)
                .Select(d => new
                {
                    Organisation = db.Organisations.Where(o => o.Id == d.OrganisationId)
                        .Select(o => o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name).Single(),
                    Session = db.Sessions.Where(s => s.Id == d.SessionId).Select(s => s.Symbol).Single(),
                    Told = d.Participants.Count(p => Participant.InTheRunning.Contains(p.Status)),
                })
                .SingleOrDefaultAsync();
            return delegation is null ? null : new Confirmation(
                t["Withdraw the delegation of {0} to {1}?", delegation.Organisation, delegation.Session],
                [
                    t["The delegation will be withdrawn from the session. This cannot be undone."],
                    t.Plural("The {0} participants of this delegation will be told by email.", delegation.Told),
                ],
                t["Withdraw the delegation"],
                $"/delegations/{id}");
        }
    }
}
