using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Features.Registration.Delegations;

namespace Sessions.Web.Features.Registration.Review;

/// <summary>
/// The secretariat undoes a participant's link to an account (a shared mailbox, the wrong person): the account keeps
/// its role and its other participations; this participant is not linked again by email alone (audited as any change).
/// </summary>
public static class UndoAccountLink
{
    /// <summary>The delegation of the participant, for the page to return to; null when there is no such participant.</summary>
    public sealed record Result(ChangeOutcome Outcome, int? DelegationId);

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Result> HandleAsync(int participantId, Guid version)
        {
            var participant = await db.Participants.SingleOrDefaultAsync(p => p.Id == participantId);
            if (participant is null)
            {
                return new Result(ChangeOutcome.NotFound, null);
            }

            if (participant.UserId is null)
            {
                // Undone a moment ago (a second click): nothing more to do.
                return new Result(ChangeOutcome.Done, participant.DelegationId);
            }

            participant.UndoAccountLink();
            db.Entry(participant).Property(p => p.Version).OriginalValue = version;
            try
            {
                await db.SaveChangesAsync();
                return new Result(ChangeOutcome.Done, participant.DelegationId);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Result(ChangeOutcome.Conflict, participant.DelegationId);
            }
        }
    }

    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(int participantId)
        {
            var participant = await db.Participants.AsNoTracking().Where(p => p.Id == participantId)
                .Select(p => new { p.DelegationId, p.GivenName, p.FamilyName, Account = db.Users.Where(u => u.Id == p.UserId).Select(u => u.Email).FirstOrDefault() })
                .SingleOrDefaultAsync();
            if (participant is null)
            {
                return null;
            }

            var name = $"{participant.GivenName} {participant.FamilyName}".Trim();
            return new Confirmation(
                t["Undo the link between {0} and the account {1}?", name, participant.Account ?? ""],
                [
                    t["The account stays, with its role and its other participations."],
                    t["{0} is not linked to it again unless they do it themselves from their invitation.", name],
                ],
                t["Undo the link"],
                $"/registrations/{participant.DelegationId}");
        }
    }
}
