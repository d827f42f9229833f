using System.Net;
using System.Text.RegularExpressions;
using Sessions.Core.Registration;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Registration.Delegations;

public sealed partial class ParticipantConfirmationTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [GeneratedRegex(@"https?://[^\s""<>]+/participants/confirm/[0-9a-f]+")]
    private static partial Regex ConfirmLink();

    [Fact]
    public async Task The_nominee_is_invited_in_their_language_and_confirms_through_the_link_in_the_message()
    {
        var deadline = new DateTime(DateTime.UtcNow.Year + 1, 4, 10, 12, 30, 0, DateTimeKind.Utc);
        var scenario = await factory.StartDelegationAsync(configure: s => s.RegistrationDeadline = deadline);
        var email = DelegationBuilders.NewEmail("nominee");
        await scenario.Client.NominateAsync(scenario.DelegationId, email, givenName: "Camille", familyName: "Dupont", consent: false, language: "fr");

        var message = await factory.WaitForMessageAsync(email);

        Assert.StartsWith("Merci de confirmer votre participation à", message.Subject);
        Assert.Contains("15:30 (Africa/Nairobi)", message.TextBody); // the registration deadline at the venue
        Assert.Contains("créez votre compte", message.TextBody); // the account comes next, on the same page
        var link = new Uri(ConfirmLink().Match(message.TextBody ?? "").Value).PathAndQuery;
        var anonymous = factory.CreateBrowser("fr");
        // The page shows a person's details to whoever holds the link: never kept by a shared computer or a proxy.
        Assert.True((await anonymous.GetAsync(link)).Headers.CacheControl?.NoStore);
        var page = await anonymous.GetPageTextAsync(link);
        Assert.Contains("Camille", page);
        Assert.Contains("Dupont", page);
        Assert.Contains("Chef de délégation", page);

        var response = await anonymous.PostPageFormAsync(link, new
        {
            Title = "Dr",
            GivenName = "Camille",
            FamilyName = "Dupont-Martin",
            PreferredLanguage = "fr",
            ConsentToPublicList = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var participant = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single();
        Assert.Equal(ParticipantStatus.Confirmed, participant.Status);
        Assert.NotNull(participant.ConfirmedAt);
        Assert.Equal("Dupont-Martin", participant.FamilyName);
        Assert.True(participant.ConsentToPublicList);
        Assert.Equal(email, participant.Email);
    }

    [Fact]
    public async Task Confirming_after_the_registration_deadline_is_refused()
    {
        var scenario = await factory.StartDelegationAsync();
        await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("late"));
        await factory.ChangeSessionAsync(scenario.SessionId, s => s.RegistrationDeadline = DateTime.UtcNow.AddMinutes(-1));
        var token = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single().ConfirmationToken;
        var anonymous = factory.CreateBrowser();

        var response = await anonymous.PostPageFormAsync($"/participants/confirm/{token}", new
        {
            Title = "Ms.",
            GivenName = "Amina",
            FamilyName = "Changed",
            PreferredLanguage = "en",
            ConsentToPublicList = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.PageTextAsync();
        Assert.Contains("The registration deadline has passed: your details can no longer be confirmed.", page);
        Assert.Contains("value=\"Changed\"", page);
        var participant = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single();
        Assert.Equal(ParticipantStatus.Nominated, participant.Status);
        Assert.Equal("Mohammed", participant.FamilyName);
    }

    [Fact]
    public async Task An_unknown_confirmation_token_is_not_found()
    {
        var anonymous = factory.CreateBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/participants/confirm/" + Participant.NewToken())).StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_nominee_is_told_and_can_no_longer_confirm()
    {
        var scenario = await factory.StartDelegationAsync();
        var email = DelegationBuilders.NewEmail("withdrawn");
        await scenario.Client.NominateAsync(scenario.DelegationId, email);
        var participant = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single();
        await scenario.Client.PostConfirmedPageFormAsync($"/delegations/{scenario.DelegationId}/participants/{participant.Id}/withdraw", new { }, $"/delegations/{scenario.DelegationId}");

        var response = await factory.CreateBrowser().PostPageFormAsync($"/participants/confirm/{participant.ConfirmationToken}", new
        {
            Title = "Ms.",
            GivenName = "Amina",
            FamilyName = "Mohammed",
            PreferredLanguage = "en",
            ConsentToPublicList = "false",
        });

        Assert.Contains("This nomination can no longer be confirmed.", await response.PageTextAsync());
        Assert.Contains(await factory.NoticesToAsync(email), n => n.Kind == "participants.invitation");
        Assert.Contains(await factory.NoticesToAsync(email), n => n.Kind == "participants.withdrawn");
    }
}
