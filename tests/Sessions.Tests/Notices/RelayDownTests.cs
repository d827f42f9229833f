using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices;

/// <summary>
/// The relay refuses connections (a closed port on loopback): the sender records the error on the batch it
/// claimed, and the delivery log and a bulk notice's page say so, with the next attempt, even where every
/// row they list is one the sender has not tried yet.
/// </summary>
public sealed class RelayDownTests(RelayDownTests.RelayDownApp app) : IClassFixture<RelayDownTests.RelayDownApp>
{
    /// <summary>The app sending to a port nobody listens on, with a clock the test holds and no job server (the test runs the sender).</summary>
    public sealed class RelayDownApp : SessionsAppFactory
    {
        public int SmtpPortRefused { get; } = ClosedPort();

        public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", SmtpPortRefused.ToString(CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(services =>
            {
                ManualSmtpRelayFixture.RemoveJobServer(services);
                services.AddSingleton<TimeProvider>(Clock);
            });
        }

        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_delivery_log_and_the_bulk_notice_show_the_last_error_and_the_next_attempt_while_the_relay_is_down()
    {
        var client = app.CreateBrowser("en");
        var secretariat = await client.SignInAsAsync(app, Roles.Secretariat);
        var token = Guid.NewGuid().ToString("N");
        const int Queued = OutboxSender.BatchSize + 60;
        var campaignId = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var campaign = new NoticeCampaign(NoticeKinds.FreeForm, secretariat.Id, app.Clock.GetUtcNow().UtcDateTime);
            db.NoticeCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            await db.NoticeCampaigns.Where(c => c.Id == campaign.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Queued).SetProperty(c => c.RecipientCount, Queued));
            var writer = sp.GetRequiredService<NoticeWriter>();
            for (var i = 0; i < Queued; i++)
            {
                writer.Queue($"down{i:D3}-{token}@example.org", null, "en", NoticeKinds.AccountPasswordChanged, []).InCampaign(campaign.Id, null);
            }

            await db.SaveChangesAsync();
            return campaign.Id;
        });

        var sent = await app.InScopeAsync(sp => sp.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None));

        Assert.Equal(0, sent);
        var rows = await app.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails.AsNoTracking()
            .Where(e => e.CampaignId == campaignId).OrderBy(e => e.Id).ToListAsync());
        var tried = rows.Where(r => r.LastError is not null).ToList();
        Assert.Equal(OutboxSender.BatchSize, tried.Count);
        Assert.All(rows, r => Assert.Equal(DeliveryStatus.Pending, r.Status));
        var error = $"The mail relay 127.0.0.1:{app.SmtpPortRefused} is not reachable";
        Assert.All(tried, r => Assert.StartsWith(error, r.LastError));
        var nextAttempt = Utc(app.Clock.GetUtcNow().UtcDateTime + OutboxSender.Backoff(1));

        var log = WebUtility.HtmlDecode(await client.GetStringAsync("/notices"));
        var listed = Regex.Matches(log, "id=\"notice-(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.All(listed, id => Assert.Null(rows.Single(r => r.Id == id).LastError));
        Assert.Contains(error, log);
        Assert.Contains($"Notices waiting to be sent again after a failed attempt: {OutboxSender.BatchSize}.", log);
        Assert.Matches($"Next attempt due at <time[^>]*>{Regex.Escape(nextAttempt)}</time>", log);

        var notice = WebUtility.HtmlDecode(await client.GetStringAsync($"/notices/campaigns/{campaignId}"));
        Assert.Contains(error, notice);
        Assert.Matches($"Next attempt due at <time[^>]*>{Regex.Escape(nextAttempt)}</time>", notice);

        // A row the sender tried shows its own next attempt in the log.
        var one = WebUtility.HtmlDecode(await client.GetStringAsync($"/notices?search={tried[0].ToAddress}"));
        Assert.Matches($"id=\"notice-{tried[0].Id}\"(?:(?!</tr>).)*Next attempt due at <time[^>]*>{Regex.Escape(nextAttempt)}", one.ReplaceLineEndings(" "));

        // Once that time has passed, the attempt is due now (in the reader's language).
        app.Clock.Advance(TimeSpan.FromHours(3));
        var french = app.CreateBrowser("fr");
        await french.SignInAsAsync(app, Roles.Secretariat);
        var later = WebUtility.HtmlDecode(await french.GetStringAsync("/notices"));
        Assert.Contains(error, later);
        Assert.Contains("Prochaine tentative dès maintenant", later);
    }
}
