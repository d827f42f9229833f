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

namespace Sessions.Tests.Attendance.CheckIn;

/// <summary>A meeting's roster: the secretariat ticks Present, Absent or Excused, one by one or for a selection.</summary>
public sealed class RosterTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Staff_mark_one_participant_and_then_a_selection_and_the_roster_shows_it()
    {
        var (sessionId, meetingId, participantIds, _) = await AddRosterAsync();
        var url = $"/sessions/manage/{sessionId}/meetings/{meetingId}/roster";
        var secretariat = await SecretariatAsync();

        var single = await secretariat.PostFormAsync(url, new Dictionary<string, string> { ["page"] = "1", ["mark"] = $"{participantIds[0]}:Excused" }, url);
        var bulk = await secretariat.PostFormAsync(url, new List<KeyValuePair<string, string>>
        {
            new("page", "1"), new("status", "Present"), new("participantIds", participantIds[1].ToString()), new("participantIds", participantIds[2].ToString()),
        }, url);
        var page = await bulk.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Contains("2 marked Present.", page);
        Assert.Contains("data-status=\"Excused\"", page);
        Assert.Equal(2, page.Split("data-status=\"Present\"").Length - 1);
        var records = await RecordsAsync(meetingId);
        Assert.Equal(AttendanceStatus.Excused, records[participantIds[0]].Status);
        Assert.All([participantIds[1], participantIds[2]], id => Assert.Equal((AttendanceStatus.Present, AttendanceMethod.Roster), (records[id].Status, records[id].Method)));
    }

    [Fact]
    public async Task A_participant_of_another_session_is_left_out_and_nothing_chosen_is_said()
    {
        var (sessionId, meetingId, _, _) = await AddRosterAsync();
        var (_, _, otherParticipants, _) = await AddRosterAsync();
        var url = $"/sessions/manage/{sessionId}/meetings/{meetingId}/roster";
        var secretariat = await SecretariatAsync();

        var foreign = await (await secretariat.PostFormAsync(url, new Dictionary<string, string> { ["page"] = "1", ["mark"] = $"{otherParticipants[0]}:Present" }, url)).Content.ReadAsStringAsync();
        var none = await (await secretariat.PostFormAsync(url, new Dictionary<string, string> { ["page"] = "1", ["status"] = "Absent" }, url)).Content.ReadAsStringAsync();

        Assert.Contains("0 marked Present.", foreign);
        Assert.Contains("Select the participants to mark first.", none);
        Assert.Empty(await RecordsAsync(meetingId));
    }

    [Fact]
    public async Task A_participant_marked_absent_who_arrives_is_recorded_present_at_the_door()
    {
        var (sessionId, meetingId, participantIds, _) = await AddRosterAsync();
        var url = $"/sessions/manage/{sessionId}/meetings/{meetingId}/roster";
        var secretariat = await SecretariatAsync();
        await secretariat.PostFormAsync(url, new Dictionary<string, string> { ["page"] = "1", ["mark"] = $"{participantIds[0]}:Absent" }, url);
        var token = (await factory.ParticipantAsync(participantIds[0])).BadgeToken!;

        var door = $"/sessions/manage/{sessionId}/check-in";
        var scanned = await (await secretariat.PostFormAsync(door, new Dictionary<string, string> { ["meetingId"] = meetingId.ToString(), ["code"] = token }, door)).Content.ReadAsStringAsync();

        Assert.Contains("data-outcome=\"Recorded\"", scanned);
        Assert.Equal((AttendanceStatus.Present, AttendanceMethod.Scan), ((await RecordsAsync(meetingId))[participantIds[0]].Status, (await RecordsAsync(meetingId))[participantIds[0]].Method));
    }

    [Fact]
    public async Task The_roster_searches_by_name_or_organisation_and_is_the_secretariat_s_only()
    {
        var (sessionId, meetingId, _, otherMeetingId) = await AddRosterAsync();
        var url = $"/sessions/manage/{sessionId}/meetings/{meetingId}/roster";
        var secretariat = await SecretariatAsync();

        var found = await secretariat.GetStringAsync(url + "?search=Berg");
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, await factory.AddOrganisationAsync("Roster Readers", OrganisationCategory.NonGovernmentalOrganisation));

        Assert.Contains("Jonas", found);
        Assert.DoesNotContain("Amina", found);
        Assert.Contains(url, await secretariat.GetStringAsync($"/sessions/manage/{sessionId}"));
        Assert.NotEqual(HttpStatusCode.OK, (await focalPoint.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync($"/sessions/manage/{sessionId}/meetings/{otherMeetingId}/roster")).StatusCode);
    }

    [Fact]
    public async Task The_roster_lists_in_the_UN_order_by_the_names_in_the_reader_s_language()
    {
        var (sessionId, meetingId, _, _) = await AddRosterAsync();
        var zebra = await factory.AddOrganisationAsync("Zebra Coalition", OrganisationCategory.NonGovernmentalOrganisation);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            (await db.Organisations.SingleAsync(o => o.Id == zebra)).SetTranslatedName("fr", "Coalition Abeille");
            return await db.SaveChangesAsync();
        });
        await factory.AddDelegationAsync(sessionId, zebra, Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Zoe", "Zebra")]);
        await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Republic of Rostera", OrganisationCategory.MemberState), Capacity.Member,
            RegistrationStatus.Approved, [Nominee("Marta", "Member")]);
        var url = $"/sessions/manage/{sessionId}/meetings/{meetingId}/roster";
        var english = await SecretariatAsync();
        var french = factory.CreateBrowser("fr");
        await french.SignInAsAsync(factory, Roles.Secretariat);

        var inEnglish = await english.GetStringAsync(url);
        var inFrench = await french.GetStringAsync(url);

        // The member of the body first; then the stakeholders by name: "Roster Union" before "Zebra Coalition", but
        // "Coalition Abeille" before "Roster Union"; in a delegation the head first.
        Assert.True(inEnglish.IndexOf("Member", StringComparison.Ordinal) < inEnglish.IndexOf("Diallo", StringComparison.Ordinal));
        Assert.True(inEnglish.IndexOf("Diallo", StringComparison.Ordinal) < inEnglish.IndexOf("Berg", StringComparison.Ordinal));
        Assert.True(inEnglish.IndexOf("Berg", StringComparison.Ordinal) < inEnglish.IndexOf("Zebra", StringComparison.Ordinal));
        Assert.True(inFrench.IndexOf("Member", StringComparison.Ordinal) < inFrench.IndexOf("Coalition Abeille", StringComparison.Ordinal));
        Assert.True(inFrench.IndexOf("Coalition Abeille", StringComparison.Ordinal) < inFrench.IndexOf("Diallo", StringComparison.Ordinal));
    }

    private async Task<(int SessionId, int MeetingId, IReadOnlyList<int> ParticipantIds, int OtherSessionsMeetingId)> AddRosterAsync()
    {
        var now = DateTime.UtcNow;
        async Task<int> Session() => await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), DateOnly.FromDateTime(now),
            configure: s => s.AddMeeting(1, now.AddMinutes(-10), now.AddHours(3), "Plenary Hall"));
        var sessionId = await Session();
        var otherSessionId = await Session();
        var meetings = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Meetings
            .Where(m => m.SessionId == sessionId || m.SessionId == otherSessionId).ToDictionaryAsync(m => m.SessionId, m => m.Id));
        var delegation = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Roster Union", OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Amina", "Diallo", ParticipantFunction.HeadOfDelegation), Nominee("Jonas", "Berg"), Nominee("Li", "Wei")]);
        return (sessionId, meetings[sessionId], delegation.ParticipantIds, meetings[otherSessionId]);
    }

    private async Task<HttpClient> SecretariatAsync()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private Task<Dictionary<int, AttendanceRecord>> RecordsAsync(int meetingId) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Attendance.AsNoTracking().Where(a => a.MeetingId == meetingId).ToDictionaryAsync(a => a.ParticipantId));
}
