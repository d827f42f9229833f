using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Attendance;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Sessions.Schedule;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Attendance.SelfCheckIn;

/// <summary>
/// Online participation at self check-in: a participant attending online is recorded online and finds the meeting's link
/// there; the link stays hidden from those attending in person, those not approved and the public.
/// </summary>
public sealed class OnlineSelfCheckInTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private sealed record Hybrid(int SessionId, int MeetingId, int Online, int InPerson, int NotApproved);

    [Fact]
    public async Task A_participant_attending_online_checks_in_online_and_sees_the_link()
    {
        var hybrid = await AddHybridMeetingAsync();
        var online = factory.CreateBrowser();
        var user = await online.SignInAsDelegateAsync(factory, hybrid.Online);

        var page = await online.GetStringAsync("/check-in");
        Assert.Contains($"href=\"{System.Net.WebUtility.HtmlEncode(OnlineParticipationBuilders.Link)}\"", page);
        Assert.Equal(HttpStatusCode.Redirect, (await online.PostFormAsync($"/check-in/{hybrid.MeetingId}", new Dictionary<string, string>(), "/check-in")).StatusCode);

        var record = await RecordAsync(hybrid.Online, hybrid.MeetingId);
        Assert.Equal((AttendanceStatus.Present, AttendanceMethod.Self, AttendanceMode.Online), (record.Status, record.Method, record.Mode));
        var links = await factory.WithDbAsync(db => OnlineLinks.ForParticipantAsync(db, user.Id, DateTime.UtcNow));
        Assert.Equal((hybrid.MeetingId, OnlineParticipationBuilders.Link), (Assert.Single(links).MeetingId, links[0].Url));
    }

    [Fact]
    public async Task A_participant_attending_in_person_checks_in_in_the_room_and_never_sees_the_link()
    {
        var hybrid = await AddHybridMeetingAsync();
        var inPerson = factory.CreateBrowser();
        var user = await inPerson.SignInAsDelegateAsync(factory, hybrid.InPerson);

        Assert.DoesNotContain("meet.example.org", await inPerson.GetStringAsync("/check-in"));
        await inPerson.PostFormAsync($"/check-in/{hybrid.MeetingId}", new Dictionary<string, string>(), "/check-in");

        Assert.Equal(AttendanceMode.InPerson, (await RecordAsync(hybrid.InPerson, hybrid.MeetingId)).Mode);
        Assert.Empty(await factory.WithDbAsync(db => OnlineLinks.ForParticipantAsync(db, user.Id, DateTime.UtcNow)));
    }

    [Fact]
    public async Task The_link_is_hidden_from_a_participant_not_approved_and_from_public_pages()
    {
        var hybrid = await AddHybridMeetingAsync();
        var notApproved = factory.CreateBrowser();
        var user = await notApproved.SignInAsDelegateAsync(factory, hybrid.NotApproved);

        Assert.DoesNotContain("meet.example.org", await notApproved.GetStringAsync("/check-in"));
        Assert.Empty(await factory.WithDbAsync(db => OnlineLinks.ForParticipantAsync(db, user.Id, DateTime.UtcNow)));

        var anonymous = factory.CreateBrowser();
        foreach (var url in new[] { $"/sessions/{hybrid.SessionId}", "/sessions" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("meet.example.org", await response.Content.ReadAsStringAsync());
        }
    }

    private Task<AttendanceRecord> RecordAsync(int participantId, int meetingId) =>
        factory.WithDbAsync(db => db.Attendance.AsNoTracking().SingleAsync(a => a.ParticipantId == participantId && a.MeetingId == meetingId));

    private async Task<Hybrid> AddHybridMeetingAsync()
    {
        var now = DateTime.UtcNow;
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), DateOnly.FromDateTime(now), configure: s =>
        {
            s.HoldAs(SessionFormat.Hybrid);
            var meeting = s.AddMeeting(1, now.AddMinutes(-15), now.AddHours(3), "Plenary Hall");
            meeting.SetOnlineLink(OnlineParticipationBuilders.Link);
            meeting.OpenSelfCheckIn();
        });
        var meetingId = await factory.MeetingIdAsync(sessionId);
        var approved = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Remote Observers", OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Amina", "Online", ParticipantFunction.HeadOfDelegation), Nominee("Jonas", "Inroom")]);
        var submitted = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Waiting Observers", OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Submitted, [Nominee("Pending", "Person")]);
        await factory.AttendOnlineAsync(approved.ParticipantIds[0], submitted.ParticipantIds[0]);
        return new Hybrid(sessionId, meetingId, approved.ParticipantIds[0], approved.ParticipantIds[1], submitted.ParticipantIds[0]);
    }
}
