using System.Net;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Attendance;
using Sessions.Core.Bodies;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Attendance.CheckIn;

/// <summary>How a person took part, as the secretariat records it: the roster marks in the room or online, the door always in the room.</summary>
public sealed class OnlineRosterTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_roster_marks_a_participant_present_in_the_room_or_online_and_by_default_as_they_registered()
    {
        var (sessionId, meetingId, participants) = await AddMeetingAsync();
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var url = $"/sessions/manage/{sessionId}/meetings/{meetingId}/roster";

        await secretariat.PostFormAsync(url, new Dictionary<string, string> { ["page"] = "1", ["mark"] = $"{participants[0]}:Present:Online" }, url);
        await secretariat.PostFormAsync(url, new Dictionary<string, string> { ["page"] = "1", ["mark"] = $"{participants[1]}:Present:InPerson" }, url);
        Assert.Equal((AttendanceStatus.Present, AttendanceMode.Online), await MarkAsync(participants[0], meetingId));
        Assert.Equal((AttendanceStatus.Present, AttendanceMode.InPerson), await MarkAsync(participants[1], meetingId));

        // Marked again the other way: the record changes, it is not doubled.
        await secretariat.PostFormAsync(url, new Dictionary<string, string> { ["page"] = "1", ["mark"] = $"{participants[0]}:Present:InPerson" }, url);
        Assert.Equal((AttendanceStatus.Present, AttendanceMode.InPerson), await MarkAsync(participants[0], meetingId));

        // Present for a selection: each the way they registered to attend (the third attends online).
        var bulk = await secretariat.PostFormAsync(url, new List<KeyValuePair<string, string>>
        {
            new("page", "1"), new("status", "Present"), new("participantIds", participants[2].ToString()),
        }, url);
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Equal((AttendanceStatus.Present, AttendanceMode.Online), await MarkAsync(participants[2], meetingId));

        var roster = await secretariat.GetStringAsync(url);
        Assert.Contains("data-took-part=\"Online\"", roster);
        Assert.Contains("data-took-part=\"InPerson\"", roster);
        Assert.Contains($"value=\"{participants[0]}:Present:Online\"", roster);
        Assert.Contains("data-count=\"PresentOnline\">Present online: 1</span>", roster);
    }

    [Fact]
    public async Task A_badge_read_at_the_door_records_a_participant_registered_online_in_the_room()
    {
        var (sessionId, meetingId, participants) = await AddMeetingAsync();
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var door = $"/sessions/manage/{sessionId}/check-in";
        var token = (await factory.ParticipantAsync(participants[2])).BadgeToken!;

        var response = await secretariat.PostFormAsync(door, new Dictionary<string, string> { ["meetingId"] = meetingId.ToString(), ["code"] = token }, door);

        Assert.Contains("data-outcome=\"Recorded\"", await response.Content.ReadAsStringAsync());
        var record = await factory.WithDbAsync(db => db.Attendance.AsNoTracking().SingleAsync(a => a.ParticipantId == participants[2] && a.MeetingId == meetingId));
        Assert.Equal((AttendanceMethod.Scan, AttendanceMode.InPerson), (record.Method, record.Mode));
    }

    private Task<(AttendanceStatus, AttendanceMode?)> MarkAsync(int participantId, int meetingId) =>
        factory.WithDbAsync(db => db.Attendance.AsNoTracking().Where(a => a.ParticipantId == participantId && a.MeetingId == meetingId)
            .Select(a => ValueTuple.Create(a.Status, a.Mode)).SingleAsync());

    private async Task<(int SessionId, int MeetingId, IReadOnlyList<int> Participants)> AddMeetingAsync()
    {
        var now = DateTime.UtcNow;
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), DateOnly.FromDateTime(now), configure: s =>
        {
            s.HoldAs(SessionFormat.Hybrid);
            s.AddMeeting(1, now.AddMinutes(-30), now.AddHours(2), "Plenary Hall");
        });
        var delegation = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Hybrid Union", OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Amina", "Diallo", ParticipantFunction.HeadOfDelegation), Nominee("Jonas", "Berg"), Nominee("Lina", "Remote")]);
        await factory.AttendOnlineAsync(delegation.ParticipantIds[2]);
        return (sessionId, await factory.MeetingIdAsync(sessionId), delegation.ParticipantIds);
    }
}
