using System.Net;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Registration.GroundsPass.GroundsPassTestScenario;

namespace Sessions.Tests.Registration.GroundsPass;

/// <summary>The photo and identity data reach the person, their focal point and the secretariat; anyone else finds nothing.</summary>
public sealed class GroundsPassAccessTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_person_their_focal_point_and_the_secretariat_see_the_photo_and_identity_data_never_cached()
    {
        var scenario = await StartAsync(factory, photo: true, identity: true);
        await scenario.UploadPhotoAsync();
        await scenario.GiveIdentityAsync("P7654321");
        var participant = await scenario.SignInAsTheParticipantAsync();
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);

        foreach (var client in new[] { scenario.FocalPoint, participant, secretariat })
        {
            var page = await client.GetAsync(scenario.Page);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("P7654321", await page.Content.ReadAsStringAsync());
            Assert.True(page.Headers.CacheControl?.NoStore, "the page may be cached");
            var photo = await client.GetAsync($"{scenario.Page}/photo.jpg");
            Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
            Assert.True(photo.Headers.CacheControl?.NoStore, "the photo may be cached");
        }

        var byLink = await factory.CreateBrowser().GetStringAsync(scenario.LinkPage);
        Assert.Contains("P7654321", byLink);
    }

    [Fact]
    public async Task Another_focal_point_another_delegate_and_an_anonymous_visitor_get_404_for_the_photo_and_identity_data()
    {
        var scenario = await StartAsync(factory, photo: true, identity: true);
        await scenario.UploadPhotoAsync();
        await scenario.GiveIdentityAsync();
        var other = await StartAsync(factory);
        var otherDelegate = await other.SignInAsTheParticipantAsync();
        var anonymous = factory.CreateBrowser();

        foreach (var client in new[] { other.FocalPoint, otherDelegate })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(scenario.Page)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{scenario.Page}/photo.jpg")).StatusCode);
            var upload = await client.PostFilesAsync($"{scenario.Page}/photo", [], [new MultipartForms.Upload("photo", "p.jpg", PhotoBuilders.Jpeg(), "image/jpeg")], other.Page);
            Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{scenario.Page}/photo.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/participants/confirm/{new string('0', 40)}/grounds-pass")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/participants/confirm/{new string('0', 40)}/grounds-pass/photo.jpg")).StatusCode);
    }

    [Fact]
    public async Task The_identity_data_is_left_out_of_the_public_list_of_participants()
    {
        var scenario = await StartAsync(factory, photo: false, identity: true);
        await scenario.GiveIdentityAsync("X9988776");
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var approved = await secretariat.PostFormAsync($"/registrations/{scenario.DelegationId}/approve", new { }, $"/registrations/{scenario.DelegationId}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var list = await factory.CreateBrowser().GetStringAsync($"/sessions/{scenario.SessionId}/participants");

        Assert.Contains("Silva", list);
        Assert.DoesNotContain("X9988776", list);
        Assert.DoesNotContain("Brazil", list);
    }
}
