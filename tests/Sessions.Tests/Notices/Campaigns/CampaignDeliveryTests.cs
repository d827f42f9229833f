using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Tests.Notices;
using Sessions.Web.Features.Notices.Campaigns;

namespace Sessions.Tests.Notices.Campaigns;

/// <summary>A bulk notice goes out over real SMTP (a server on loopback), with its calendar; failures are listed and sent again.</summary>
public sealed class CampaignDeliveryTests(SmtpRelayFixture fixture) : IClassFixture<SmtpRelayFixture>
{
    private SessionsAppFactory App => fixture.App;

    private async Task<HttpClient> SecretariatAsync()
    {
        var client = App.CreateBrowser();
        await client.SignInAsAsync(App, Roles.Secretariat);
        return client;
    }

    [Fact]
    public async Task A_convening_notice_arrives_in_the_recipients_language_with_the_sessions_calendar()
    {
        var scenario = await CampaignAudienceScenario.CreateAsync(App, session =>
            session.AddMeeting(1, new DateTime(2027, 5, 10, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 10, 10, 0, 0, DateTimeKind.Utc), "Conference Room 2"));
        var client = await SecretariatAsync();
        var compose = await client.GetStringAsync($"/notices/campaigns/new?kind={NoticeKinds.ConveningNotice.Key}&sessionId={scenario.SessionId}");
        // The form is prefilled with the kind's wording in each language and shows the placeholders.
        Assert.Contains("avis de convocation", compose);
        Assert.Contains("{SessionVenue}", compose);
        var french = scenario.MemberParticipants[0];
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.ConveningNotice, scenario.SessionId, recipients: "Participants", capacities: ["Member"], texts: new Dictionary<string, (string, string)>
        {
            [Languages.English] = ("{SessionTitle} ({SessionSymbol}): convening notice", "Dear {RecipientName},\n\nThe session opens on {SessionOpensOn}.\n\nThe secretariat"),
            [Languages.French] = ("{SessionSymbol} : avis de convocation", "Madame, Monsieur {RecipientName},\n\nLa session s’ouvre le {SessionOpensOn}.\n\nLe secrétariat"),
        }));
        var page = await client.GetStringAsync($"/notices/campaigns/{id}");
        Assert.Contains("A calendar file (.ics) is attached.", page);

        await client.SendCampaignNowAsync(id);

        var received = (await fixture.Relay.WaitForMessagesAsync(french)).Single();
        var message = received.Message;
        Assert.EndsWith(" : avis de convocation", message.Subject, StringComparison.Ordinal);
        Assert.Contains("Madame, Monsieur Amélie Dupré,", message.TextBody);
        Assert.Contains("lundi 10 mai 2027", message.TextBody);
        var calendar = Assert.Single(message.Attachments.OfType<MimePart>(), p => p.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("PUBLISH", calendar.ContentType.Parameters["method"]);
        Assert.EndsWith(".ics", calendar.FileName, StringComparison.Ordinal);
        using var content = new MemoryStream();
        await calendar.Content!.DecodeToAsync(content);
        var ics = System.Text.Encoding.UTF8.GetString(content.ToArray()).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("METHOD:PUBLISH", ics);
        Assert.Contains("DTSTART;VALUE=DATE:20270510", ics);
        Assert.Contains("DTSTART;TZID=Africa/Nairobi:20270510T100000", ics);
        Assert.Contains("Séance 1", ics);
        Assert.Contains("BEGIN:VTIMEZONE", ics);

        // The participant writing in Chinese left blank gets the English text, the calendar in Chinese.
        var chinese = (await fixture.Relay.WaitForMessagesAsync(scenario.MemberParticipants[1])).Single().Message;
        Assert.EndsWith("convening notice", chinese.Subject, StringComparison.Ordinal);
        await App.WaitForCampaignAsync(id, CampaignStatus.Queued);
        var rows = await fixture.WaitForRowsAsync((await App.CampaignRowsAsync(id)).Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task A_meeting_notice_carries_its_meeting()
    {
        var scenario = await CampaignAudienceScenario.CreateAsync(App, session =>
        {
            session.AddMeeting(1, new DateTime(2027, 5, 10, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 10, 10, 0, 0, DateTimeKind.Utc), "Room 1");
            session.AddMeeting(2, new DateTime(2027, 5, 10, 12, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 10, 15, 0, 0, DateTimeKind.Utc), "Room 2");
        });
        var meetingId = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Meetings, m => m.SessionId == scenario.SessionId && m.Number == 2));
        var client = await SecretariatAsync();
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.MeetingNotice, scenario.SessionId, meetingId.Id, recipients: "FocalPoints", capacities: ["IntergovernmentalOrganisation"], texts: new Dictionary<string, (string, string)>
        {
            [Languages.English] = ("Meeting {MeetingNumber} in {MeetingRoom}", "Dear {RecipientName},\n\nFrom {MeetingStartsAt} to {MeetingEndsAt}."),
        }));

        await client.SendCampaignNowAsync(id);

        var message = (await fixture.Relay.WaitForMessagesAsync(scenario.IgoFocalPoint)).Single().Message;
        Assert.Equal("Meeting 2 in Room 2", message.Subject);
        var calendar = message.Attachments.OfType<MimePart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        using var content = new MemoryStream();
        await calendar.Content!.DecodeToAsync(content);
        var ics = System.Text.Encoding.UTF8.GetString(content.ToArray());
        Assert.Single(ics.Split("BEGIN:VEVENT").Skip(1));
        Assert.Contains($"UID:meeting-{meetingId.Id}.session-{scenario.SessionId}@", ics);
        Assert.Contains("DTSTART;TZID=Africa/Nairobi:20270510T150000", ics);
    }

    [Fact]
    public async Task Failed_recipients_are_listed_and_sent_again()
    {
        var scenario = await CampaignAudienceScenario.CreateAsync(App);
        var refused = scenario.ObserverParticipant;
        fixture.Relay.RefuseRecipient(refused, permanent: true);
        var client = await SecretariatAsync();
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, scenario.SessionId, capacities: ["ObserverState"]));
        await client.SendCampaignNowAsync(id);
        await App.WaitForCampaignAsync(id, CampaignStatus.Queued);
        var rows = await fixture.WaitForRowsAsync((await App.CampaignRowsAsync(id)).Select(r => r.Id));
        var failed = rows.Single(r => r.Status == DeliveryStatus.Failed);
        Assert.Equal(refused, failed.ToAddress);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/notices/campaigns/{id}"));
        Assert.Contains("Failed deliveries", page);
        Assert.Contains(refused, page);
        Assert.Contains(failed.LastError!, page);
        Assert.Contains($"/notices/{failed.Id}/resend", page);
        Assert.Contains($"/notices/campaigns/{id}/resend-failed", page);

        fixture.Relay.AcceptRecipient(refused);
        var response = await client.PostFormAsync($"/notices/campaigns/{id}/resend-failed", new { }, $"/notices/campaigns/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(await fixture.Relay.WaitForMessagesAsync(refused));
        var again = await fixture.WaitForRowsAsync([failed.Id], r => r.Status == DeliveryStatus.Sent);
        Assert.Equal(DeliveryStatus.Sent, again.Single().Status);
        Assert.DoesNotContain(refused, await client.GetStringAsync($"/notices/campaigns/{id}"));
    }
}
