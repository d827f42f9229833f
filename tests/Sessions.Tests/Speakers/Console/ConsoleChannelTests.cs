using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Speakers;

namespace Sessions.Tests.Speakers.Console;

/// <summary>The consoles' live channel: told when a list changes, and only for the secretariat.</summary>
public sealed class ConsoleChannelTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_secretariat_console_watching_a_list_is_told_its_id_when_it_changes()
    {
        var seeded = await factory.AddListAsync(members: 2);
        await using var console = await ConnectAsync(Roles.Secretariat);
        var changed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        console.On<int>(SpeakersBroadcast.ChangedMessage, id => changed.TrySetResult(id));
        await console.StartAsync();
        Assert.True(await console.InvokeAsync<bool>("Watch", seeded.ListId));

        await factory.ChangeListAsync(seeded.ListId, (list, now) => list.CallNext(now));

        Assert.Equal(seeded.ListId, await changed.Task.WaitAsync(_deadline));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.FocalPoint)]
    public async Task Anyone_else_cannot_watch_a_list_as_a_console(string? role)
    {
        var seeded = await factory.AddListAsync(members: 1, published: false);
        await using var connection = await ConnectAsync(role);
        var told = false;
        connection.On<int>(SpeakersBroadcast.ChangedMessage, _ => told = true);
        await connection.StartAsync();

        Assert.False(await connection.InvokeAsync<bool>("Watch", seeded.ListId));
        await factory.ChangeListAsync(seeded.ListId, (list, now) => list.CallNext(now));
        await connection.InvokeAsync<bool>("Watch", seeded.ListId); // a round trip after the change: a message sent to it would have arrived first
        Assert.False(told);
    }

    /// <summary>A hub connection carrying the cookie of an account signed in with <paramref name="role"/> (anonymous when null).</summary>
    private async Task<HubConnection> ConnectAsync(string? role)
    {
        var cookies = new System.Net.CookieContainer();
        if (role is not null)
        {
            using var browser = factory.CreateDefaultClient(new CookieContainerHandler(cookies));
            await browser.SignInAsAsync(factory, role);
        }

        return new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, SpeakersHub.Path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = factory.Server.CreateHandler() };
            })
            .Build();
    }
}
