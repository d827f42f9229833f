using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Core.Speakers;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Speakers;

namespace Sessions.Web.Features.Speakers.Console;

/// <summary>Closes the list to new inscriptions (the President announces it) or opens it again.</summary>
public static class CloseOrReopenList
{
    public sealed record Command(int ListId, Guid Version, bool Open);

    public sealed class Handler(SpeakersListChanges changes)
    {
        /// <summary>False when there is no such list.</summary>
        public async Task<bool> HandleAsync(Command command, CancellationToken cancellationToken = default) =>
            await changes.ApplyAsync(command.ListId, command.Version, (list, now) =>
            {
                if (command.Open)
                {
                    list.Open(now);
                }
                else
                {
                    list.Close(now);
                }

                return true;
            }, cancellationToken);
    }

    /// <summary>What closing will do: no new inscription; those waiting keep their place.</summary>
    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(int listId, CancellationToken cancellationToken)
        {
            if (!await db.SpeakersLists.AnyAsync(l => l.Id == listId, cancellationToken))
            {
                return null;
            }

            var waiting = await db.Inscriptions.CountAsync(i => i.SpeakersListId == listId && i.Status == SpeakerStatus.Waiting, cancellationToken);
            return new Confirmation(
                t["Close the list of speakers?"],
                [
                    t["No delegation can ask for the floor on this list any more; you can open it again."],
                    t.Plural("The {0} speakers waiting keep their place.", waiting),
                ],
                t["Close the list"],
                $"/speakers/{listId}/console");
        }
    }
}
