using System.Net;
using Sessions.Core.Common;
using Sessions.Core.Organisations;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.PublishedStatementBuilders;

namespace Sessions.Tests.Statements.Published;

/// <summary>The public statement pages answer in each of the six languages, with no key left untranslated.</summary>
public sealed class PublishedStatementPagesInEveryLanguageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    public static TheoryData<string> AllLanguages() => [.. Languages.All];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task The_statements_list_and_the_issued_document_are_translated(string language)
    {
        var scenario = await factory.AddPublishedSessionAsync();
        var coSponsor = await factory.AddOrganisationAsync($"Co-sponsor {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);
        var id = await factory.AddPublishedStatementAsync(scenario, new StatementSpec("Resilient cities")
        {
            CoSponsors = [(coSponsor, StatementTier.IntergovernmentalOrganisation, CoSponsorAnswer.Confirmed)],
            Supporters = ["Neighbourhood Forum"],
        });
        var reader = factory.CreateBrowser(language);

        var pages = new (string Url, string[] English)[]
        {
            ($"/sessions/{scenario.SessionId}/statements", ["Issued written statements", "Statements by agenda item", "Date of issue", "Submitter(s)"]),
            ($"/statements/issued/{id}", ["Joint statement submitted by", "Co-sponsored by:", "also share the views", "Original: English", ">United Nations<"]),
            ($"/sessions/{scenario.SessionId}", ["Issued written statements"]),
        };
        foreach (var (url, english) in pages)
        {
            var response = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
            if (language != Languages.English)
            {
                Assert.All(english, text => Assert.DoesNotContain(text, html, StringComparison.Ordinal));
            }
        }
    }
}
