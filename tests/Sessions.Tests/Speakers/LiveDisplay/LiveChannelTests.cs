using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Speakers;

namespace Sessions.Tests.Speakers.LiveDisplay;

/// <summary>The live channel: a change made through SpeakersListChanges reaches a connected display with the new state.</summary>
public sealed class LiveChannelTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_change_reaches_a_connected_display_with_the_new_state_in_its_language()
    {
        var seeded = await factory.AddListAsync(members: 3);
        await using var display = Connect();
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        display.On<JsonElement>(SpeakersBroadcast.StateMessage, state =>
        {
            if (state.GetProperty("current").ValueKind == JsonValueKind.Object && state.GetProperty("current").GetProperty("timer").GetProperty("running").GetBoolean())
            {
                received.TrySetResult(state);
            }
        });
        await display.StartAsync();
        Assert.True(await display.InvokeAsync<bool>("WatchDisplay", seeded.ListId, "fr"));

        await factory.CallNextAndStartAsync(seeded.ListId);

        var pushed = await received.Task.WaitAsync(_deadline);
        Assert.Equal(seeded.ListId, pushed.GetProperty("listId").GetInt32());
        Assert.Equal("fr", pushed.GetProperty("language").GetString());
        Assert.Equal(seeded.Delegations[0].FrenchName, pushed.GetProperty("current").GetProperty("delegation").GetString());
        Assert.Equal("Déclaration", pushed.GetProperty("current").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, pushed.GetProperty("mine").ValueKind);
        Assert.Equal(2, pushed.GetProperty("waiting").GetInt32());
    }

    [Fact]
    public async Task A_display_cannot_watch_a_list_of_an_unpublished_session_or_an_unknown_list()
    {
        var hidden = await factory.AddListAsync(members: 1, published: false);
        await using var display = Connect();
        await display.StartAsync();

        Assert.False(await display.InvokeAsync<bool>("WatchDisplay", hidden.ListId, "en"));
        Assert.False(await display.InvokeAsync<bool>("WatchDisplay", 987654, "en"));
    }

    private HubConnection Connect() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, SpeakersHub.Path), options =>
            {
                // The test server has no sockets: long polling goes through its in-memory handler.
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
            })
            .Build();
}
