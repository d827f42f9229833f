using MimeKit;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Tests.Notices.Campaigns;

namespace Sessions.Tests.SessionsFeature.Calendar;

/// <summary>
/// A subscriber to the public feed who also receives the convening notice sees each meeting once: the emailed
/// calendar (written by a background job) and the feed (written for a request) give it the same UID.
/// </summary>
public sealed class CalendarUidTests
{
    [Fact]
    public async Task The_emailed_calendar_and_the_public_feed_give_each_event_the_same_uid()
    {
        // Development without Sessions:PublicUrl: the address the app listens on is the public one, for the job too.
        await using var factory = new SessionsAppFactory { EnvironmentName = "Development", PublicUrl = null };
        factory.Settings["urls"] = "http://localhost:5080";
        var scenario = await CampaignAudienceScenario.CreateAsync(factory, session =>
        {
            session.AddMeeting(1, new DateTime(2027, 5, 10, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 10, 10, 0, 0, DateTimeKind.Utc), "Room 1");
            session.AddMeeting(2, new DateTime(2027, 5, 11, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 11, 10, 0, 0, DateTimeKind.Utc), "Room 2");
        });
        var secretariat = factory.CreateBrowser("en");
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var id = await secretariat.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.ConveningNotice, scenario.SessionId, recipients: "Participants", capacities: ["Member"], texts: new Dictionary<string, (string, string)>
        {
            [Languages.English] = ("{SessionSymbol}: convening notice", "Dear {RecipientName},\n\n{SessionLink}"),
        }));

        await secretariat.SendCampaignNowAsync(id);

        var message = await factory.WaitForMessageAsync(scenario.MemberParticipants[0]);
        var emailed = Uids(await CalendarOfAsync(message));
        var feed = Uids(await factory.CreateBrowser("en").GetStringAsync($"/sessions/{scenario.SessionId}/calendar.ics"));
        Assert.Equal(3, feed.Count);
        Assert.All(feed, uid => Assert.EndsWith("@localhost", uid, StringComparison.Ordinal));
        Assert.Equal(feed, emailed);
        Assert.Contains($"http://localhost:5080/sessions/{scenario.SessionId}", message.TextBody);
    }

    private static async Task<string> CalendarOfAsync(MimeMessage message)
    {
        var calendar = message.Attachments.OfType<MimePart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        using var content = new MemoryStream();
        await calendar.Content!.DecodeToAsync(content);
        return System.Text.Encoding.UTF8.GetString(content.ToArray());
    }

    private static List<string> Uids(string ics) =>
        ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n").Where(l => l.StartsWith("UID:", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
}
