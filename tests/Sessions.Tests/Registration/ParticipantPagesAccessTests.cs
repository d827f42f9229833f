using System.Net;
using Sessions.Tests.Infrastructure;
using Sessions.Tests.Registration.VisaLetters;

namespace Sessions.Tests.Registration;

/// <summary>One rule (ParticipantAccess) decides who reaches a participant's own pages: the same people for all three.</summary>
public sealed class ParticipantPagesAccessTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static readonly string[] Pages = ["grounds-pass", "visa-letter", "requirements"];

    [Fact]
    public async Task The_participant_their_focal_point_and_the_secretariat_reach_the_grounds_pass_visa_letter_and_needs_pages_and_nobody_else()
    {
        var nominee = await factory.NomineeAsync();
        var secretariat = await factory.SecretariatAsync();
        var otherFocalPoint = (await factory.StartDelegationAsync()).Client;

        foreach (var page in Pages)
        {
            var byId = $"/participants/{nominee.ParticipantId}/{page}";
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().GetAsync($"/participants/confirm/{nominee.Token}/{page}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await nominee.Scenario.Client.GetAsync(byId)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync(byId)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await otherFocalPoint.GetAsync(byId)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync($"/participants/confirm/{new string('0', 40)}/{page}")).StatusCode);
        }
    }
}
