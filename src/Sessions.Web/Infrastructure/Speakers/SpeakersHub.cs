using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Web.Features.Speakers.LiveDisplay;

namespace Sessions.Web.Infrastructure.Speakers;

/// <summary>
/// The live channel of the speakers lists (public, like the display it feeds). A console joins the group of one
/// list with <see cref="Watch"/> and is told that it changed ("listChanged", the list's id). A live display joins
/// with <see cref="WatchDisplay"/> and is sent the list's new state in its language ("state", a
/// <see cref="LiveState.Model"/>), so that hundreds of displays do not all ask for it again. Either asks for the
/// state again after a reconnect, since changes made while it was away are not replayed.
/// </summary>
[AllowAnonymous]
public sealed class SpeakersHub(SessionsDbContext db) : Hub
{
    public const string Path = "/hubs/speakers";

    public static string GroupOf(int listId) => $"list:{listId}";

    public static string DisplayGroupOf(int listId, string language) => $"display:{listId}:{language}";

    /// <summary>The consoles' channel: the secretariat's only (it tells when any list changes, published or not).</summary>
    public async Task<bool> Watch(int listId)
    {
        if (Context.User?.IsInRole(Roles.Secretariat) != true)
        {
            return false;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(listId));
        return true;
    }

    public Task Unwatch(int listId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(listId));

    /// <summary>Joins the display group of a list the caller may read (a published session's, or any for the secretariat).</summary>
    public async Task<bool> WatchDisplay(int listId, string language)
    {
        var secretariat = Context.User?.IsInRole(Roles.Secretariat) == true;
        var readable = await db.SpeakersLists.AsNoTracking()
            .Where(l => l.Id == listId)
            .Join(db.Sessions, l => l.SessionId, s => s.Id, (l, s) => s.IsPublished)
            .AnyAsync(published => published || secretariat);
        if (!readable)
        {
            return false;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, DisplayGroupOf(listId, Languages.OrDefault(language)));
        return true;
    }

    public Task UnwatchDisplay(int listId, string language) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, DisplayGroupOf(listId, Languages.OrDefault(language)));
}

/// <summary>Tells the watchers of a list that it changed, after the change is saved: the consoles by id, the displays with the new state.</summary>
public sealed class SpeakersBroadcast(IHubContext<SpeakersHub> hub, LiveState.Handler state, ILogger<SpeakersBroadcast> logger)
{
    public const string ChangedMessage = "listChanged";
    public const string StateMessage = "state";

    /// <summary>Not cancellable: the change is saved, so it reaches the watchers even if the person who made it has gone.</summary>
    public async Task ListChangedAsync(int listId)
    {
        try
        {
            await hub.Clients.Group(SpeakersHub.GroupOf(listId)).SendAsync(ChangedMessage, listId, CancellationToken.None);

            // Read once for the six languages; a display that misses it catches up by itself.
            var snapshot = await state.ReadAsync(listId, null, CancellationToken.None);
            if (snapshot is null)
            {
                return;
            }

            foreach (var language in Languages.All)
            {
                await hub.Clients.Group(SpeakersHub.DisplayGroupOf(listId, language)).SendAsync(StateMessage, state.DescribeIn(snapshot, language), CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The watchers of speakers list {ListId} were not told of its change; the displays catch up on their next poll.", listId);
        }
    }
}
