using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.SessionsFeature.Schedule;

/// <summary>The secretariat sets how a session is held and the online link of each meeting.</summary>
public sealed class OnlineSessionTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task A_session_now_held_online_only_moves_every_participant_online()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var bodyId = await factory.AddBodyAsync();
        var id = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 6, 2), configure: s => s.HoldAs(SessionFormat.Hybrid));
        var delegation = await factory.AddDelegationAsync(id, await factory.AddOrganisationAsync("Moving Online", OrganisationCategory.IntergovernmentalOrganisation),
            Capacity.IntergovernmentalOrganisation, RegistrationStatus.Approved, [DelegationBuilders.Nominee("Ada", "Room"), DelegationBuilders.Nominee("Bo", "Room")]);
        var current = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => new { s.Version, s.Symbol, s.Number }).SingleAsync());
        Assert.Contains("<option value=\"Hybrid\" selected=\"selected\">", await client.GetStringAsync($"/sessions/manage/{id}/edit"));

        var saved = await client.PostFormAsync($"/sessions/manage/{id}/edit", new Dictionary<string, string>
        {
            ["Version"] = current.Version.ToString(),
            ["BodyId"] = bodyId.ToString(CultureInfo.InvariantCulture),
            ["Number"] = current.Number.ToString(CultureInfo.InvariantCulture),
            ["Symbol"] = current.Symbol,
            ["Title.En"] = "An online session",
            ["Venue.En"] = "Online",
            ["TimeZoneId"] = "Africa/Nairobi",
            ["OpensOn"] = "2031-06-02",
            ["ClosesOn"] = "2031-06-06",
            ["IsPublished"] = "true",
            ["Format"] = "Online",
        }, $"/sessions/manage/{id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(SessionFormat.Online, await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == id).Select(s => s.Format).SingleAsync()));
        Assert.All((await factory.DelegationAsync(delegation.Id)).Participants, p => Assert.Equal(AttendanceMode.Online, p.Attendance));
    }

    [Fact]
    public async Task A_meeting_link_must_be_https_and_is_kept_with_the_meeting()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var id = await factory.AddSessionAsync(await factory.AddBodyAsync(), new DateOnly(2031, 6, 2));
        var newMeeting = $"/sessions/manage/{id}/meetings/new";

        var refused = await client.PostFormAsync(newMeeting, new { Number = "1", StartsAt = "2031-06-02T10:00", EndsAt = "2031-06-02T13:00", Room = "Plenary Hall", OnlineLink = "http://meet.example.org/plain" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("The online link must be a web address starting with https://, at most 500 characters.", html);
        Assert.Contains("value=\"http://meet.example.org/plain\"", html);
        Assert.False(await factory.WithDbAsync(db => db.Meetings.AnyAsync(m => m.SessionId == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(newMeeting, new { Number = "1", StartsAt = "2031-06-02T10:00", EndsAt = "2031-06-02T13:00", Room = "Plenary Hall", OnlineLink = OnlineParticipationBuilders.Link })).StatusCode);
        var meeting = await factory.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.SessionId == id));
        Assert.Equal(OnlineParticipationBuilders.Link, meeting.OnlineLink);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(OnlineParticipationBuilders.Link), await client.GetStringAsync($"/sessions/manage/{id}/meetings/{meeting.Id}/edit"));
    }
}
