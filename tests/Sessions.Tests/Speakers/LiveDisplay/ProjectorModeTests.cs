using System.Net;
using System.Text.Json;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Speakers.LiveDisplay;

/// <summary>The projector mode of the live display through the real host: who may see it, what it carries, and who may frame it.</summary>
public sealed class ProjectorModeTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task The_projector_is_public_once_published_without_links_and_only_the_apps_own_pages_may_frame_it()
    {
        var seeded = await factory.AddListAsync(members: 3);
        await factory.CallNextAndStartAsync(seeded.ListId);
        var anonymous = factory.CreateBrowser();

        var response = await anonymous.GetAsync($"/speakers/{seeded.ListId}/projector");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(seeded.Delegations[0].Name, html);
        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<form", html);
        Assert.Contains("data-live-zone=\"Africa/Nairobi\"", html);
        Assert.Contains("frame-ancestors 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());

        // The display itself and every other page still refuse every frame.
        var live = await anonymous.GetAsync($"/speakers/{seeded.ListId}/live");
        Assert.Contains("frame-ancestors 'none'", live.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", live.Headers.GetValues("X-Frame-Options").Single());

        var hidden = await factory.AddListAsync(members: 1, published: false);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/speakers/{hidden.ListId}/projector")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/speakers/987654/projector")).StatusCode);
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/speakers/{hidden.ListId}/projector")).StatusCode);
    }

    [Fact]
    public async Task The_state_carries_the_venue_zone_and_the_time_and_the_projector_renders_the_last_30_seconds_and_time_over()
    {
        var seeded = await factory.AddListAsync(members: 2);
        await factory.CallNextAndStartAsync(seeded.ListId);
        var anonymous = factory.CreateBrowser();

        factory.Clock.Advance(TimeSpan.FromSeconds(280));
        var state = JsonDocument.Parse(await anonymous.GetStringAsync($"/speakers/{seeded.ListId}/live/state")).RootElement;
        Assert.Equal("Africa/Nairobi", state.GetProperty("timeZoneId").GetString());
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeMilliseconds(), state.GetProperty("now").GetInt64());
        var ending = await anonymous.GetStringAsync($"/speakers/{seeded.ListId}/projector");
        Assert.Contains("data-timer-state=\"ending\"", ending);
        Assert.Contains("data-live=\"timer-cue-text\">Less than 30 seconds left</span>", ending);

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        var over = await anonymous.GetStringAsync($"/speakers/{seeded.ListId}/projector");
        Assert.Contains("data-timer-state=\"over\"", over);
        Assert.Contains("data-live=\"timer-cue-text\">Over the time allowed</span>", over);
    }
}
