using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Tests.Notices;
using Sessions.Web.Features.Notices.Campaigns;

namespace Sessions.Tests.Notices.Campaigns;

/// <summary>The app on a clock the test moves: a scheduled campaign goes out when its time comes, a cancelled one never.</summary>
public sealed class ScheduledCampaignTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    /// <summary>One run of the sweep, as the recurring job does it.</summary>
    private Task SweepAsync() =>
        factory.InScopeAsync(sp => sp.GetRequiredService<QueueCampaign.Handler>().SweepAsync(CancellationToken.None));

    private async Task<(HttpClient Client, int Id, int Count)> DraftAsync()
    {
        var scenario = await CampaignAudienceScenario.CreateAsync(factory);
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, scenario.SessionId, recipients: "FocalPoints"));
        return (client, id, await client.ShownAudienceCountAsync(id));
    }

    /// <summary>Schedules the campaign <paramref name="inAbout"/> from the test's clock, typed at the session's clock (Nairobi, UTC+3).</summary>
    private async Task<HttpResponseMessage> ScheduleAsync(HttpClient client, int id, TimeSpan inAbout)
    {
        var nairobi = TimeZoneInfo.ConvertTimeFromUtc(factory.Clock.GetUtcNow().UtcDateTime + inAbout, TimeZoneInfo.FindSystemTimeZoneById("Africa/Nairobi"));
        return await client.PostConfirmedPageFormAsync($"/notices/campaigns/{id}/schedule", new { SendAt = nairobi.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) }, $"/notices/campaigns/{id}");
    }

    [Fact]
    public async Task A_scheduled_campaign_goes_out_when_its_time_comes()
    {
        var (client, id, count) = await DraftAsync();

        var response = await ScheduleAsync(client, id, TimeSpan.FromHours(2));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var scheduled = await factory.CampaignAsync(id);
        Assert.Equal(CampaignStatus.Scheduled, scheduled.Status);
        var expected = factory.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        Assert.InRange(scheduled.ScheduledAt!.Value, expected.AddMinutes(-1), expected);
        // Shown at the session's clock.
        var page = await client.GetStringAsync($"/notices/campaigns/{id}");
        Assert.Contains("Africa/Nairobi", page);
        Assert.Contains("/cancel", page);

        await SweepAsync();
        Assert.Equal(CampaignStatus.Scheduled, (await factory.CampaignAsync(id)).Status);
        Assert.Empty(await factory.CampaignRowsAsync(id));

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await SweepAsync();

        var queued = await factory.WaitForCampaignAsync(id, CampaignStatus.Queued);
        Assert.Equal(count, queued.RecipientCount);
        Assert.Equal(count, (await factory.CampaignRowsAsync(id)).Count);
    }

    [Fact]
    public async Task A_cancelled_campaign_never_goes_out()
    {
        var (client, id, _) = await DraftAsync();
        await ScheduleAsync(client, id, TimeSpan.FromHours(1));

        var response = await client.PostFormAsync($"/notices/campaigns/{id}/cancel", new { }, $"/notices/campaigns/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CampaignStatus.Cancelled, (await factory.CampaignAsync(id)).Status);
        factory.Clock.Advance(TimeSpan.FromHours(3));
        await SweepAsync();
        await factory.InScopeAsync(sp => sp.GetRequiredService<QueueCampaign.Handler>().SendScheduledAsync(id, CancellationToken.None));
        Assert.Equal(CampaignStatus.Cancelled, (await factory.CampaignAsync(id)).Status);
        Assert.Empty(await factory.CampaignRowsAsync(id));
    }

    [Fact]
    public async Task A_time_in_the_past_is_refused()
    {
        var (client, id, _) = await DraftAsync();

        await ScheduleAsync(client, id, TimeSpan.FromHours(-1));

        Assert.Equal(CampaignStatus.Draft, (await factory.CampaignAsync(id)).Status);
        Assert.Contains("Choose a time in the future to send it.", await client.GetStringAsync($"/notices/campaigns/{id}"));
    }

    [Fact]
    public async Task A_campaign_left_queuing_by_a_stop_is_queued_by_the_sweep()
    {
        var (_, id, count) = await DraftAsync();
        // As if the app stopped between the send button and the job: the campaign is Queuing and has no rows.
        await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(
            db.NoticeCampaigns.Where(c => c.Id == id), s => s.SetProperty(c => c.Status, CampaignStatus.Queuing)));

        await SweepAsync();

        var queued = await factory.WaitForCampaignAsync(id, CampaignStatus.Queued);
        Assert.Equal(count, queued.RecipientCount);
        Assert.Equal(count, (await factory.CampaignRowsAsync(id)).Count);
    }
}
