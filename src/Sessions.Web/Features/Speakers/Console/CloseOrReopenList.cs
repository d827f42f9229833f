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
}
