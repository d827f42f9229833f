using System.Net;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.SessionsFeature.Calendar;

public sealed class SessionCalendarFeedTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Anyone_can_subscribe_to_a_published_sessions_meetings()
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, new DateOnly(2027, 5, 10), title: "Assembly, second session; plenary", configure: s =>
        {
            s.AddMeeting(1, new DateTime(2027, 5, 10, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 10, 10, 0, 0, DateTimeKind.Utc), "Room 1");
            s.AddMeeting(2, new DateTime(2027, 5, 11, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 11, 10, 0, 0, DateTimeKind.Utc), null);
        });
        var anonymous = factory.CreateBrowser("fr");

        var response = await anonymous.GetAsync($"/sessions/{sessionId}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var ics = (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("METHOD:PUBLISH", ics);
        Assert.Equal(3, ics.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("DTSTART;TZID=Africa/Nairobi:20270510T100000", ics);
        Assert.Contains("DTSTART;TZID=Africa/Nairobi:20270511T100000", ics);
        Assert.Contains("SUMMARY:Assembly\\, second session\\; plenary", ics);
        Assert.Contains("Séance 1", ics);
        Assert.Contains("LOCATION:Room 1\\, United Nations Office at Nairobi", ics);

        // The same UIDs every time, so a calendar updates its events instead of adding copies.
        var again = (await anonymous.GetStringAsync($"/sessions/{sessionId}/calendar.ics")).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Equal(Uids(ics), Uids(again));

        var page = await anonymous.GetStringAsync($"/sessions/{sessionId}");
        Assert.Contains($"href=\"/sessions/{sessionId}/calendar.ics\"", page);
    }

    [Fact]
    public async Task An_unpublished_session_has_no_calendar()
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, new DateOnly(2027, 5, 10), published: false);

        var response = await factory.CreateBrowser().GetAsync($"/sessions/{sessionId}/calendar.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string[] Uids(string ics) => ics.Split("\r\n").Where(l => l.StartsWith("UID:", StringComparison.Ordinal)).ToArray();
}
