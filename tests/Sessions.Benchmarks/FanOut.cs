using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Web.Infrastructure.Speakers;

namespace Sessions.Benchmarks;

/// <summary>
/// SignalR fan-out: <c>clients</c> live displays connected over WebSockets (their languages spread over the six),
/// then a console action (pause or resume the timer, through <see cref="SpeakersListChanges"/> as the console does)
/// per round; the time from the action's start to the moment every display has received the new state.
/// The displays run in this process, on the same two cores as the server.
/// </summary>
public static class FanOut
{
    public static async Task RunAsync(int speakers, int clients, int rounds)
    {
        await using var host = await LiveDisplayHost.StartAsync(speakers);
        var hubUrl = new Uri(host.BaseAddress, SpeakersHub.Path);
        var received = 0;
        TaskCompletionSource<long> allReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstAt = 0L;
        long expectedChangedAt = 0;

        var connections = new List<HubConnection>(clients);
        var connect = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, clients).Chunk(50))
        {
            await Task.WhenAll(batch.Select(async i =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(hubUrl, options =>
                    {
                        options.Transports = HttpTransportType.WebSockets;
                        options.SkipNegotiation = true;
                    })
                    .Build();
                connection.On<JsonElement>(SpeakersBroadcast.StateMessage, state =>
                {
                    if (state.GetProperty("changedAt").GetInt64() < Volatile.Read(ref expectedChangedAt))
                    {
                        return;
                    }

                    var now = Stopwatch.GetTimestamp();
                    Interlocked.CompareExchange(ref firstAt, now, 0);
                    if (Interlocked.Increment(ref received) == clients)
                    {
                        allReceived.TrySetResult(now);
                    }
                });
                await connection.StartAsync();
                if (!await connection.InvokeAsync<bool>("WatchDisplay", host.ListId, Languages.All[i % Languages.All.Count]))
                {
                    throw new InvalidOperationException("The display was refused the list.");
                }

                lock (connections)
                {
                    connections.Add(connection);
                }
            }));
        }

        Console.WriteLine($"fan-out: {clients} displays connected over WebSockets in {connect.Elapsed.TotalSeconds:F1} s; {rounds} rounds; {Environment.ProcessorCount} cores");

        var all = new List<double>();
        var first = new List<double>();
        var action = new List<double>();
        for (var round = 0; round < rounds + 2; round++)
        {
            Interlocked.Exchange(ref received, 0);
            Interlocked.Exchange(ref firstAt, 0);
            allReceived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            // The state carries the list's ChangedAt: a display counts the state of this round's change only.
            Volatile.Write(ref expectedChangedAt, DateTimeOffset.UtcNow.AddMilliseconds(-5).ToUnixTimeMilliseconds());
            var start = Stopwatch.GetTimestamp();
            using (var scope = host.Services.CreateScope())
            {
                var changes = scope.ServiceProvider.GetRequiredService<SpeakersListChanges>();
                await changes.ApplyAsync(host.ListId, null, (list, now) => list.Speaking!.ClockAt(now).IsRunning
                    ? list.PauseTimer(list.Speaking.Id, now)
                    : list.StartTimer(list.Speaking.Id, now), CancellationToken.None);
            }

            var saved = Stopwatch.GetTimestamp();
            var done = await allReceived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var allMs = Stopwatch.GetElapsedTime(start, done).TotalMilliseconds;
            var firstMs = Stopwatch.GetElapsedTime(start, Interlocked.Read(ref firstAt)).TotalMilliseconds;
            var actionMs = Stopwatch.GetElapsedTime(start, saved).TotalMilliseconds;
            // The first two rounds warm up (JIT, EF's first queries).
            if (round >= 2)
            {
                all.Add(allMs);
                first.Add(firstMs);
                action.Add(actionMs);
                Console.WriteLine($"  round {round - 1}: action returned {actionMs:F1} ms, first display {firstMs:F1} ms, all {clients} displays {allMs:F1} ms");
            }

            await Task.Delay(200);
        }

        all.Sort();
        Console.WriteLine($"summary: all {clients} displays received the change in median {all[all.Count / 2]:F1} ms, worst {all[^1]:F1} ms "
            + $"(first display median {first.Order().ElementAt(first.Count / 2):F1} ms; the console action itself median {action.Order().ElementAt(action.Count / 2):F1} ms)");

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }
}
