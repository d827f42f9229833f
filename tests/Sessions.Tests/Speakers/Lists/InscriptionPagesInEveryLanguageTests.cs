using System.Net;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Speakers.Lists;

/// <summary>The speakers list pages answer in each of the six languages, with no key left untranslated.</summary>
public sealed class InscriptionPagesInEveryLanguageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    public static TheoryData<string> AllLanguages() => [.. Languages.All];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task The_secretariat_and_delegation_pages_are_translated(string language)
    {
        var session = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(session);
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var secretariat = factory.CreateBrowser(language);
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var focalPoint = factory.CreateBrowser(language);
        await focalPoint.SignInAsFocalPointOfAsync(factory, delegation.OrganisationId, language: language);

        var pages = new (HttpClient Client, string Url, string English)[]
        {
            (secretariat, $"/sessions/manage/{session.SessionId}/speakers", "Open a speakers list"),
            (secretariat, $"/speakers/{listId}/settings", "Time limits (minutes:seconds)"),
            (secretariat, $"/speakers/{listId}/inscribe?delegationId={delegation.DelegationId}", "Inscribe a delegation"),
            (focalPoint, $"/speakers/{listId}/inscribe", "Kind of inscription"),
            (focalPoint, "/speakers/mine", "My speaking slots"),
        };
        foreach (var (client, url, english) in pages)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
            if (language != Languages.English)
            {
                Assert.DoesNotContain(english, html, StringComparison.Ordinal);
            }
        }
    }
}
