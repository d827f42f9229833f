using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Registration.VisaLetters;

/// <summary>A nominee holding a place, reached by their private link; the passport form as a person fills it in.</summary>
public static class VisaLetterTestData
{
    public const string PassportNumber = "PA7391046";

    public sealed record Nominee(DelegationBuilders.DelegationScenario Scenario, int ParticipantId, string Email, string Token)
    {
        public string LinkPage => $"/participants/confirm/{Token}/visa-letter";

        public string AccountPage => $"/participants/{ParticipantId}/visa-letter";
    }

    public static object PassportForm(string number = PassportNumber, string city = "Geneva") => new
    {
        PassportNumber = number,
        Nationality = "KE",
        PassportIssuedOn = "2024-01-15",
        PassportExpiresOn = "2034-01-14",
        DateOfBirth = "1980-03-02",
        ConsulateCity = city,
        ConsulateCountry = "CH",
    };

    /// <summary>A focal point's delegation to a new session and one nominee in <paramref name="language"/>.</summary>
    public static async Task<Nominee> NomineeAsync(this SessionsAppFactory factory, string language = "en", Action<Session>? configure = null, int? sessionId = null)
    {
        var scenario = await factory.StartDelegationAsync(configure: configure, sessionId: sessionId);
        return await scenario.AnotherNomineeAsync(factory, language);
    }

    public static async Task<Nominee> AnotherNomineeAsync(this DelegationBuilders.DelegationScenario scenario, SessionsAppFactory factory, string language = "en", string familyName = "Mohammed")
    {
        var email = DelegationBuilders.NewEmail("visa");
        var response = await scenario.Client.NominateAsync(scenario.DelegationId, email, familyName: familyName, language: language);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var participant = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single(p => p.Email == email);
        return new Nominee(scenario, participant.Id, email, participant.ConfirmationToken);
    }

    /// <summary>Asks through the private link, as the nominee would, and checks it was taken.</summary>
    public static async Task<VisaLetterRequest> AskAsync(this SessionsAppFactory factory, Nominee nominee, string number = PassportNumber)
    {
        var response = await factory.CreateBrowser().PostPageFormAsync(nominee.LinkPage, PassportForm(number));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.RequestOfAsync(nominee.ParticipantId);
    }

    public static Task<VisaLetterRequest> RequestOfAsync(this SessionsAppFactory factory, int participantId) =>
        factory.WithDbAsync(db => db.VisaLetterRequests.AsNoTracking().Where(r => r.ParticipantId == participantId).OrderByDescending(r => r.Id).FirstAsync());

    public static async Task<HttpClient> SecretariatAsync(this SessionsAppFactory factory, string language = "en")
    {
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    public static Task<HttpResponseMessage> ApproveAsync(this HttpClient secretariat, VisaLetterRequest request) =>
        secretariat.PostFormAsync($"/visa-letters/{request.Id}/approve", new { version = request.Version.ToString() }, $"/visa-letters/{request.Id}");

    /// <summary>Gives the nominee an account of their own (a delegate) linked to their participation, and signs a browser in as it.</summary>
    public static async Task<HttpClient> SignedInDelegateAsync(this SessionsAppFactory factory, int? participantId)
    {
        var client = factory.CreateBrowser();
        var user = await client.SignInAsAsync(factory, Roles.Delegate);
        if (participantId is { } id)
        {
            await factory.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<SessionsDbContext>();
                (await db.Participants.SingleAsync(p => p.Id == id)).LinkAccount(user.Id);
                await db.SaveChangesAsync();
            });
        }

        return client;
    }
}
