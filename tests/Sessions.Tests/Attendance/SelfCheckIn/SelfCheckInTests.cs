using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Attendance;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Attendance.SelfCheckIn;

/// <summary>Self check-in: the secretariat opens it for a meeting; participants confirm their presence from their account.</summary>
public sealed class SelfCheckInTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task A_participant_checks_in_once_the_secretariat_has_opened_self_check_in()
    {
        var (sessionId, meetingId, participantId) = await AddMeetingAsync();
        var participant = factory.CreateBrowser();
        await participant.SignInAsDelegateAsync(factory, participantId);

        Assert.DoesNotContain($"/check-in/{meetingId}", await participant.GetStringAsync("/check-in"));
        var early = await Confirm(participant, meetingId);
        Assert.Contains("Self check-in is not open for this meeting.", early);

        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var roster = $"/sessions/manage/{sessionId}/meetings/{meetingId}/roster";
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostFormAsync($"/sessions/manage/{sessionId}/meetings/{meetingId}/self-check-in", new { open = "true" }, roster)).StatusCode);
        Assert.Contains("data-self-check-in=\"open\"", await secretariat.GetStringAsync(roster));

        Assert.Contains($"/check-in/{meetingId}", await participant.GetStringAsync("/check-in"));
        Assert.Contains("Recorded present", await Confirm(participant, meetingId));
        Assert.Contains("Already recorded present", await Confirm(participant, meetingId));
        var record = Assert.Single(await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Attendance.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync()));
        Assert.Equal((participantId, AttendanceStatus.Present, AttendanceMethod.Self), (record.ParticipantId, record.Status, record.Method));
    }

    [Fact]
    public async Task Someone_not_registered_for_the_session_cannot_check_in()
    {
        var (sessionId, meetingId, _) = await AddMeetingAsync();
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            (await db.Meetings.SingleAsync(m => m.Id == meetingId)).OpenSelfCheckIn();
            await db.SaveChangesAsync();
        });
        var stranger = factory.CreateBrowser();
        await stranger.SignInAsAsync(factory, Roles.Delegate);

        Assert.Contains("You are not registered for this session.", await Confirm(stranger, meetingId));
        Assert.Contains("You are not registered for this session.", await Confirm(stranger, 999999));
        Assert.Equal(0, await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Attendance.CountAsync(a => a.MeetingId == meetingId)));
    }

    private async Task<string> Confirm(HttpClient client, int meetingId)
    {
        var response = await client.PostFormAsync($"/check-in/{meetingId}", new Dictionary<string, string>(), "/check-in");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetStringAsync("/check-in");
    }

    private async Task<(int SessionId, int MeetingId, int ParticipantId)> AddMeetingAsync()
    {
        var now = DateTime.UtcNow;
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), DateOnly.FromDateTime(now),
            configure: s => s.AddMeeting(1, now.AddMinutes(-15), now.AddHours(3), "Plenary Hall"));
        var meetingId = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Meetings.Where(m => m.SessionId == sessionId).Select(m => m.Id).SingleAsync());
        var delegation = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Self Starters", OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Amina", "Diallo", ParticipantFunction.HeadOfDelegation)]);
        return (sessionId, meetingId, delegation.ParticipantIds[0]);
    }
}
