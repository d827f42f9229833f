using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;
using static Sessions.Tests.Registration.GroundsPass.GroundsPassTestScenario;

namespace Sessions.Tests.Registration.GroundsPass;

/// <summary>A session that asks for the grounds pass refuses to approve anyone without it, one delegation or many at once.</summary>
public sealed class GroundsPassApprovalTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private async Task<HttpClient> SecretariatAsync()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    [Fact]
    public async Task Approving_a_delegation_whose_participant_has_no_photo_is_refused_naming_them_and_nothing_changes()
    {
        var scenario = await StartAsync(factory, photo: true, givenName: "Nadia", familyName: "Karimova");
        var secretariat = await SecretariatAsync();

        var response = await secretariat.PostFormAsync($"/registrations/{scenario.DelegationId}/approve", new { }, $"/registrations/{scenario.DelegationId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Without a photo: Nadia Karimova.", html);
        Assert.Contains("data-role=\"no-photo\"", html);
        Assert.Equal(RegistrationStatus.Submitted, (await factory.DelegationAsync(scenario.DelegationId)).Status);
        var participant = await factory.ParticipantAsync(scenario.ParticipantId);
        Assert.NotEqual(ParticipantStatus.Approved, participant.Status);
        Assert.Null(participant.BadgeToken);

        await scenario.UploadPhotoAsync();
        Assert.DoesNotContain("data-role=\"no-photo\"", await secretariat.GetStringAsync($"/registrations/{scenario.DelegationId}"));
        var again = await secretariat.PostFormAsync($"/registrations/{scenario.DelegationId}/approve", new { }, $"/registrations/{scenario.DelegationId}");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(ParticipantStatus.Approved, (await factory.ParticipantAsync(scenario.ParticipantId)).Status);
    }

    [Fact]
    public async Task A_bulk_approval_is_refused_whole_when_one_participant_lacks_identity_data_naming_who_lacks_what()
    {
        var complete = await StartAsync(factory, photo: true, identity: true, givenName: "Complete", familyName: "Person");
        await complete.UploadPhotoAsync();
        await complete.GiveIdentityAsync();
        var photoOnly = await StartAsync(factory, photo: true, identity: true, givenName: "Photo", familyName: "Only");
        await photoOnly.UploadPhotoAsync();
        var nothing = await StartAsync(factory, photo: true, identity: false, givenName: "Nothing", familyName: "Given");
        var secretariat = await SecretariatAsync();
        KeyValuePair<string, string> Id(int id) => new("ids", id.ToString(CultureInfo.InvariantCulture));

        var response = await secretariat.PostConfirmedFormAsync("/registrations/review/approve", [Id(complete.DelegationId), Id(photoOnly.DelegationId), Id(nothing.DelegationId)], "/registrations/review");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Without a photo: Nothing Given. Without nationality, identity document number or expiry: Photo Only.", html);
        foreach (var scenario in new[] { complete, photoOnly, nothing })
        {
            Assert.Equal(RegistrationStatus.Submitted, (await factory.DelegationAsync(scenario.DelegationId)).Status);
            Assert.Null((await factory.ParticipantAsync(scenario.ParticipantId)).BadgeToken);
        }

        var alone = await secretariat.PostConfirmedFormAsync("/registrations/review/approve", [Id(complete.DelegationId)], "/registrations/review");

        Assert.Equal(HttpStatusCode.Redirect, alone.StatusCode);
        Assert.Equal(ParticipantStatus.Approved, (await factory.ParticipantAsync(complete.ParticipantId)).Status);
    }

    [Fact]
    public async Task The_approved_participants_badge_shows_the_photo_to_them_and_the_door_shows_it_when_the_badge_is_read()
    {
        var scenario = await StartAsync(factory, photo: true, opensOn: DateOnly.FromDateTime(DateTime.UtcNow));
        await scenario.UploadPhotoAsync();
        var secretariat = await SecretariatAsync();
        await secretariat.PostFormAsync($"/registrations/{scenario.DelegationId}/approve", new { }, $"/registrations/{scenario.DelegationId}");
        var token = (await factory.ParticipantAsync(scenario.ParticipantId)).BadgeToken!;

        var badge = await scenario.FocalPoint.GetStringAsync($"/badges/{token}");
        Assert.Contains($"src=\"/badges/{token}/photo.jpg\"", badge);
        var photo = await scenario.FocalPoint.GetAsync($"/badges/{token}/photo.jpg");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.True(photo.Headers.CacheControl?.NoStore, "the photo may be cached");
        Assert.Equal(HttpStatusCode.NotFound, (await (await StartAsync(factory)).FocalPoint.GetAsync($"/badges/{token}/photo.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync($"/badges/{token}/photo.jpg")).StatusCode);

        await factory.ChangeSessionAsync(scenario.SessionId, s => s.AddMeeting(1, DateTime.UtcNow.AddMinutes(-10), DateTime.UtcNow.AddHours(2), "Plenary Hall"));
        var meetingId = await factory.WithDbAsync(db => db.Meetings.Where(m => m.SessionId == scenario.SessionId).Select(m => m.Id).SingleAsync());
        var door = await secretariat.PostFormAsync($"/sessions/manage/{scenario.SessionId}/check-in", new { meetingId, code = token }, $"/sessions/manage/{scenario.SessionId}/check-in?meetingId={meetingId}");

        Assert.Equal(HttpStatusCode.OK, door.StatusCode);
        var html = await door.Content.ReadAsStringAsync();
        Assert.Contains("data-outcome=\"Recorded\"", html);
        Assert.Contains($"src=\"/badges/{token}/photo.jpg\"", html);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/badges/{token}/photo.jpg")).StatusCode);
    }
}
