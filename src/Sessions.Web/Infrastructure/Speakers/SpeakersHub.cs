using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Sessions.Web.Infrastructure.Speakers;

/// <summary>
/// The live channel of the speakers lists (public, like the display it feeds): a client joins the group of one
/// list and is told each time the list changes. It asks for the list's state again after a reconnect.
/// </summary>
[AllowAnonymous]
public sealed class SpeakersHub : Hub
{
    public const string Path = "/hubs/speakers";

    public static string GroupOf(int listId) => $"list:{listId}";

    public Task Watch(int listId) => Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(listId));

    public Task Unwatch(int listId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(listId));
}

/// <summary>Tells the watchers of a list that it changed, after the change is saved.</summary>
public sealed class SpeakersBroadcast(IHubContext<SpeakersHub> hub)
{
    public const string ChangedMessage = "listChanged";

    public Task ListChangedAsync(int listId, CancellationToken cancellationToken) =>
        hub.Clients.Group(SpeakersHub.GroupOf(listId)).SendAsync(ChangedMessage, listId, cancellationToken);
}
