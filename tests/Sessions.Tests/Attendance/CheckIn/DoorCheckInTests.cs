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

/// <summary>The door: a badge read or typed records its holder present at the meeting in progress, once.</summary>
public sealed class DoorCheckInTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private sealed record Door(int SessionId, int OpenMeetingId, int LaterMeetingId, IReadOnlyList<int> ParticipantIds, string Url);

    [Fact]
    public async Task A_badge_read_at_the_door_records_its_holder_present_and_a_second_read_is_recognised()
    {
        var door = await AddDoorAsync();
        var token = (await factory.ParticipantAsync(door.ParticipantIds[0])).BadgeToken!;
        var secretariat = await SecretariatAsync();

        var first = await Scan(secretariat, door, door.OpenMeetingId, $"https://sessions.example.org/badges/{token}");
        var firstPage = await first.Content.ReadAsStringAsync();
        var second = await (await Scan(secretariat, door, door.OpenMeetingId, token.ToUpperInvariant())).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("data-outcome=\"Recorded\"", firstPage);
        Assert.Contains("Amina", firstPage);
        Assert.Contains("Door Keepers Union", firstPage);
        Assert.Contains("1 present at meeting 1.", firstPage);
        Assert.Contains("data-outcome=\"AlreadyPresent\"", second);
        var record = Assert.Single(await RecordsAsync(door.ParticipantIds[0]));
        Assert.Equal((AttendanceStatus.Present, AttendanceMethod.Scan, door.OpenMeetingId), (record.Status, record.Method, record.MeetingId));
    }

    [Fact]
    public async Task Unknown_revoked_foreign_badges_and_a_meeting_not_in_progress_are_refused_loudly()
    {
        var door = await AddDoorAsync();
        var other = await AddDoorAsync();
        var participant = await factory.ParticipantAsync(door.ParticipantIds[1]);
        var foreign = (await factory.ParticipantAsync(other.ParticipantIds[0])).BadgeToken!;
        var valid = (await factory.ParticipantAsync(door.ParticipantIds[0])).BadgeToken!;
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            (await db.Participants.SingleAsync(p => p.Id == participant.Id)).Withdraw(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var secretariat = await SecretariatAsync();

        async Task<string> Refusal(int meetingId, string code)
        {
            var response = await Scan(secretariat, door, meetingId, code);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains("data-outcome=\"refused\"", page);
            return page;
        }

        Assert.Contains("No badge has this code.", await Refusal(door.OpenMeetingId, "not-a-badge"));
        Assert.Contains("No badge has this code.", await Refusal(door.OpenMeetingId, new string('a', 40)));
        Assert.Contains("This badge has been revoked.", await Refusal(door.OpenMeetingId, participant.BadgeToken!));
        Assert.Contains("This badge is for another session.", await Refusal(door.OpenMeetingId, foreign));
        Assert.Contains("Meeting 2 is not in progress.", await Refusal(door.LaterMeetingId, valid));
        Assert.Contains("Choose a meeting of this session.", await Refusal(other.OpenMeetingId, valid));
        Assert.Empty(await RecordsAsync(door.ParticipantIds[0]));
        Assert.Empty(await RecordsAsync(door.ParticipantIds[1]));
    }

    [Fact]
    public async Task The_same_badge_read_at_two_doors_at_once_is_one_record()
    {
        var door = await AddDoorAsync();
        var token = (await factory.ParticipantAsync(door.ParticipantIds[0])).BadgeToken!;
        var doors = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            doors.Add(await SecretariatAsync());
        }

        var tokens = await Task.WhenAll(doors.Select(d => d.GetAntiforgeryTokenAsync(door.Url)));
        var pages = await Task.WhenAll(doors.Select(async (d, i) =>
        {
            var response = await d.PostAsync(door.Url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["meetingId"] = door.OpenMeetingId.ToString(),
                ["code"] = token,
                ["__RequestVerificationToken"] = tokens[i],
            }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }));

        Assert.Single(pages, page => page.Contains("data-outcome=\"Recorded\""));
        Assert.Equal(5, pages.Count(page => page.Contains("data-outcome=\"AlreadyPresent\"")));
        Assert.Single(await RecordsAsync(door.ParticipantIds[0]));
    }

    [Fact]
    public async Task Only_the_secretariat_keeps_the_door()
    {
        var door = await AddDoorAsync();
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, await factory.AddOrganisationAsync("Curious Observers", OrganisationCategory.NonGovernmentalOrganisation));

        Assert.NotEqual(HttpStatusCode.OK, (await focalPoint.GetAsync(door.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().GetAsync(door.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SecretariatAsync()).GetAsync("/sessions/manage/999999/check-in")).StatusCode);
    }

    [Fact]
    public async Task The_door_shows_the_chosen_meetings_day_and_keeps_the_other_meetings_in_a_list()
    {
        var door = await AddDoorAsync();
        var secretariat = await SecretariatAsync();

        var today = await secretariat.GetStringAsync(door.Url);
        var tomorrow = await secretariat.GetStringAsync($"{door.Url}?meetingId={door.LaterMeetingId}");

        Assert.Contains($"href=\"?meetingId={door.OpenMeetingId}\"", today);
        Assert.DoesNotContain($"href=\"?meetingId={door.LaterMeetingId}\"", today);
        Assert.Contains($"<option value=\"{door.LaterMeetingId}\">", today);
        Assert.Contains($"href=\"?meetingId={door.LaterMeetingId}\"", tomorrow);
        Assert.DoesNotContain($"href=\"?meetingId={door.OpenMeetingId}\"", tomorrow);
        Assert.Contains($"<option value=\"{door.LaterMeetingId}\" selected=\"selected\">", tomorrow);
    }

    [Fact]
    public async Task The_door_code_printed_on_the_badge_can_be_typed_and_a_code_two_badges_begin_with_is_refused()
    {
        var door = await AddDoorAsync();
        var secretariat = await SecretariatAsync();
        var token = (await factory.ParticipantAsync(door.ParticipantIds[0])).BadgeToken!;
        var printed = $"{token[..4]} {token[4..8]} {token[8..12]}".ToUpperInvariant();

        var badge = await secretariat.GetStringAsync($"/badges/{token}");
        var typed = await (await Scan(secretariat, door, door.OpenMeetingId, printed.Replace(' ', '-').ToLowerInvariant())).Content.ReadAsStringAsync();

        Assert.Contains(printed, badge);
        Assert.Contains("data-outcome=\"Recorded\"", typed);
        Assert.Contains("Amina", typed);
        Assert.Single(await RecordsAsync(door.ParticipantIds[0]));

        // Two badges whose tokens begin alike (one chance in trillions, but possible): the short code cannot tell them apart.
        await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Database.ExecuteSqlRawAsync(
            "UPDATE Participants SET BadgeToken = 'abcdef012345' || substr(BadgeToken, 13) WHERE Id IN ({0}, {1})", door.ParticipantIds[0], door.ParticipantIds[1]));
        var ambiguous = await Scan(secretariat, door, door.OpenMeetingId, "ABCD EF01 2345");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, ambiguous.StatusCode);
        Assert.Contains("More than one badge begins with this code", await ambiguous.Content.ReadAsStringAsync());
        Assert.Empty(await RecordsAsync(door.ParticipantIds[1]));
    }

    [Theory]
    [InlineData("ar", "تسجيل الحضور عند المدخل")]
    [InlineData("zh", "入口签到")]
    [InlineData("en", "Check-in at the door")]
    [InlineData("fr", "Enregistrement à l’entrée")]
    [InlineData("ru", "Регистрация на входе")]
    [InlineData("es", "Registro en la entrada")]
    public async Task The_door_speaks_the_six_languages(string language, string title)
    {
        var door = await AddDoorAsync();
        var secretariat = factory.CreateBrowser(language);
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);

        var page = await secretariat.GetStringAsync(door.Url);

        Assert.Contains(title, page);
        Assert.Contains("__RequestVerificationToken", page);
    }

    [Fact]
    public async Task The_door_shows_the_holders_photo_which_only_the_secretariat_and_the_badges_own_viewers_may_load()
    {
        var door = await AddDoorAsync();
        await factory.GivePhotoAsync(door.ParticipantIds[0]);
        var withPhoto = (await factory.ParticipantAsync(door.ParticipantIds[0])).BadgeToken!;
        var withoutPhoto = (await factory.ParticipantAsync(door.ParticipantIds[1])).BadgeToken!;
        var secretariat = await SecretariatAsync();

        var read = await (await Scan(secretariat, door, door.OpenMeetingId, withPhoto)).Content.ReadAsStringAsync();
        Assert.Contains($"src=\"/badges/{withPhoto}/photo.jpg\"", read);
        Assert.Contains("data-role=\"holder-photo\"", read);
        var other = await (await Scan(secretariat, door, door.OpenMeetingId, withoutPhoto)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-role=\"holder-photo\"", other);

        var photo = await secretariat.GetAsync($"/badges/{withPhoto}/photo.jpg");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        var anotherFocalPoint = (await Registration.GroundsPass.GroundsPassTestScenario.StartAsync(factory, photo: false)).FocalPoint;
        foreach (var stranger in new[] { factory.CreateBrowser(), anotherFocalPoint })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/badges/{withPhoto}/photo.jpg")).StatusCode);
        }
    }

    private async Task<Door> AddDoorAsync()
    {
        var now = DateTime.UtcNow;
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), DateOnly.FromDateTime(now), configure: s =>
        {
            s.AddMeeting(1, now.AddMinutes(-30), now.AddHours(2), "Plenary Hall");
            s.AddMeeting(2, now.AddDays(1).AddHours(2), now.AddDays(1).AddHours(5), "Plenary Hall");
        });
        var meetings = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Meetings.Where(m => m.SessionId == sessionId).OrderBy(m => m.Number).Select(m => m.Id).ToListAsync());
        var delegation = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Door Keepers Union", OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Amina", "Diallo", ParticipantFunction.HeadOfDelegation), Nominee("Jonas", "Berg")]);
        return new Door(sessionId, meetings[0], meetings[1], delegation.ParticipantIds, $"/sessions/manage/{sessionId}/check-in");
    }

    private async Task<HttpClient> SecretariatAsync()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private static Task<HttpResponseMessage> Scan(HttpClient client, Door door, int meetingId, string code) =>
        client.PostFormAsync(door.Url, new Dictionary<string, string> { ["meetingId"] = meetingId.ToString(), ["code"] = code }, door.Url);

    private Task<List<AttendanceRecord>> RecordsAsync(int participantId) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Attendance.AsNoTracking().Where(a => a.ParticipantId == participantId).ToListAsync());
}
