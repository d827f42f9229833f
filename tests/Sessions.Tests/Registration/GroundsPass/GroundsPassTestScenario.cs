using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Registration.GroundsPass;

/// <summary>A session that asks for the grounds pass, a submitted delegation of one nominee, and the focal point's browser.</summary>
public sealed record GroundsPassTestScenario(SessionsAppFactory Factory, int SessionId, int OrganisationId, int DelegationId, int ParticipantId, string ConfirmationToken, HttpClient FocalPoint)
{
    public string Page => $"/participants/{ParticipantId}/grounds-pass";

    public string LinkPage => $"/participants/confirm/{ConfirmationToken}/grounds-pass";

    public static async Task<GroundsPassTestScenario> StartAsync(SessionsAppFactory factory, bool photo = true, bool identity = false, string givenName = "Ana", string familyName = "Silva", DateOnly? opensOn = null)
    {
        var bodyId = await factory.AddBodyAsync(BodyKind.Assembly);
        var sessionId = await factory.AddSessionAsync(bodyId, opensOn ?? new DateOnly(2031, 5, 12), configure: s =>
        {
            s.AsksForPhoto = photo;
            s.AsksForIdentityDocument = identity;
        });
        var organisationId = await factory.AddOrganisationAsync($"Pass Org {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Submitted, [Nominee(givenName, familyName)]);
        var participantId = delegation.ParticipantIds[0];
        var token = (await factory.ParticipantAsync(participantId)).ConfirmationToken;
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, organisationId);
        return new GroundsPassTestScenario(factory, sessionId, organisationId, delegation.Id, participantId, token, client);
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, byte[] bytes, string fileName = "photo.jpg", string contentType = "image/jpeg") =>
        client.PostFilesAsync($"{page}/photo", [], [new MultipartForms.Upload("photo", fileName, bytes, contentType)], page);

    public static Task<HttpResponseMessage> GiveIdentityAsync(HttpClient client, string page, string nationality, string number, string expiresOn) =>
        client.PostPageFormAsync($"{page}/identity", new { Nationality = nationality, DocumentNumber = number, ExpiresOn = expiresOn }, page);

    public async Task UploadPhotoAsync()
    {
        var response = await UploadAsync(FocalPoint, Page, PhotoBuilders.Jpeg());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public async Task GiveIdentityAsync(string number = "P1234567")
    {
        var response = await GiveIdentityAsync(FocalPoint, Page, "BR", number, new DateOnly(2035, 1, 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Links the participant to a new account with the Delegate role and returns its browser, signed in.</summary>
    public async Task<HttpClient> SignInAsTheParticipantAsync()
    {
        var client = Factory.CreateBrowser();
        var user = await client.SignInAsAsync(Factory, Core.Accounts.Roles.Delegate);
        await Factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var participant = await db.Participants.SingleAsync(p => p.Id == ParticipantId);
            participant.LinkAccount(user.Id);
            await db.SaveChangesAsync();
        });
        return client;
    }
}
