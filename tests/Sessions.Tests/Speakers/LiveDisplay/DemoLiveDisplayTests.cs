using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Speakers.LiveDisplay;

/// <summary>The demo's speakers list shows on its public display, reached from the session's page.</summary>
public sealed class DemoLiveDisplayTests(DemoAppFactory factory) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task The_demo_list_is_linked_from_its_session_and_shows_who_spoke_and_who_is_next()
    {
        var (listId, sessionId) = await factory.WithDbAsync(db => db.SpeakersLists.OrderBy(l => l.Id)
            .Select(l => new ValueTuple<int, int>(l.Id, l.SessionId)).FirstAsync());
        var client = factory.CreateBrowser("es");

        Assert.Contains($"href=\"/sessions/{sessionId}/speakers\"", await client.GetStringAsync($"/sessions/{sessionId}"));
        Assert.Contains($"href=\"/speakers/{listId}/live\"", await client.GetStringAsync($"/sessions/{sessionId}/speakers"));
        var page = await client.GetAsync($"/speakers/{listId}/live");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var state = JsonDocument.Parse(await client.GetStringAsync($"/speakers/{listId}/live/state"));
        Assert.Equal("es", state.RootElement.GetProperty("language").GetString());
        Assert.NotEmpty(state.RootElement.GetProperty("last").EnumerateArray());
        Assert.NotEmpty(state.RootElement.GetProperty("next").EnumerateArray());
        Assert.All(state.RootElement.GetProperty("next").EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("delegation").GetString())));
    }
}
