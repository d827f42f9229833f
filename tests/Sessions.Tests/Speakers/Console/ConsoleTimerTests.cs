using System.Net;
using Sessions.Core.Accounts;
using Sessions.Core.Speakers;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.SpeakersConsoleBuilders;

namespace Sessions.Tests.Speakers.Console;

/// <summary>The console's timer against a clock the test moves: the time spoken is measured with the pauses left out.</summary>
public sealed class ConsoleTimerTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task Stopping_the_timer_records_the_time_spoken_without_the_pauses()
    {
        var list = await factory.AddConsoleListAsync(speakers: 2);
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var speaker = new { InscriptionId = list.InscriptionIds[0] };

        await ActAsync("call-next", new { });
        var called = await client.GetStringAsync(list.ConsoleUrl);
        Assert.Contains("data-elapsed-ms=\"0\" data-allowed-ms=\"300000\" data-running=\"false\"", Squeezed(called), StringComparison.Ordinal);
        Assert.Contains("data-action=\"start\"", called, StringComparison.Ordinal);

        await ActAsync("start", speaker);
        factory.Clock.Advance(TimeSpan.FromSeconds(40));
        var running = await client.GetStringAsync(list.ConsoleUrl);
        Assert.Contains("data-elapsed-ms=\"40000\" data-allowed-ms=\"300000\" data-running=\"true\"", Squeezed(running), StringComparison.Ordinal);
        Assert.Contains(">4:20</bdi>", running, StringComparison.Ordinal);
        Assert.Contains("data-action=\"pause\"", running, StringComparison.Ordinal);

        await ActAsync("pause", speaker);
        factory.Clock.Advance(TimeSpan.FromSeconds(100));
        var paused = await client.GetStringAsync(list.ConsoleUrl);
        Assert.Contains("data-elapsed-ms=\"40000\" data-allowed-ms=\"300000\" data-running=\"false\"", Squeezed(paused), StringComparison.Ordinal);
        Assert.Contains("data-action=\"resume\"", paused, StringComparison.Ordinal);

        await ActAsync("resume", speaker);
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        await ActAsync("extend", new { speaker.InscriptionId, Seconds = 30 });
        await ActAsync("extend", new { speaker.InscriptionId, CustomSeconds = 15 });
        var extended = await client.GetStringAsync(list.ConsoleUrl);
        Assert.Contains("data-elapsed-ms=\"60000\" data-allowed-ms=\"345000\" data-running=\"true\"", Squeezed(extended), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await ActAsync("stop", speaker);
        factory.Clock.Advance(TimeSpan.FromMinutes(3));

        var spoke = (await factory.ConsoleListStateAsync(list.ListId)).Inscriptions.Single(i => i.Id == speaker.InscriptionId);
        Assert.Equal((SpeakerStatus.Spoke, 65, 45), (spoke.Status, spoke.SpokeForSeconds!.Value, spoke.ExtendedSeconds));
        var after = await client.GetStringAsync(list.ConsoleUrl);
        Assert.Contains(">1:05</bdi>", after, StringComparison.Ordinal);
        Assert.Contains("data-action=\"call-next\"", after, StringComparison.Ordinal);

        async Task ActAsync(string action, object fields)
        {
            var response = await client.ActOnConsoleAsync(list, action, fields);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task A_speaker_over_time_shows_a_negative_remaining_time_and_an_extension_beyond_the_limit_is_refused()
    {
        var list = await factory.AddConsoleListAsync(speakers: 1);
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var speaker = new { InscriptionId = list.InscriptionIds[0] };
        await client.ActOnConsoleAsync(list, "call-next");
        await client.ActOnConsoleAsync(list, "start", speaker);

        factory.Clock.Advance(TimeSpan.FromSeconds(312));
        var html = await client.GetStringAsync(list.ConsoleUrl);
        Assert.Contains(">-0:12</bdi>", html, StringComparison.Ordinal);
        Assert.Contains("console-timer console-timer-over", html, StringComparison.Ordinal);

        var refused = await client.ActOnConsoleAsync(list, "extend", new { speaker.InscriptionId, CustomSeconds = 3600 });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Decoded(await refused.Content.ReadAsStringAsync());
        Assert.Contains("An extension is between 1 second and 30 minutes.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"3600\"", page, StringComparison.Ordinal);
        Assert.Equal(0, (await factory.ConsoleListStateAsync(list.ListId)).Inscriptions.Single().ExtendedSeconds);
    }

    /// <summary>The timer's attributes on one line, as the view spreads them over several.</summary>
    private static string Squeezed(string html) => System.Text.RegularExpressions.Regex.Replace(html, "\"\\s+data-", "\" data-");
}
