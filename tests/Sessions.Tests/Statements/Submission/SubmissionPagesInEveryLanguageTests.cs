using System.Net;
using Sessions.Core.Common;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.StatementDocumentBuilders;

namespace Sessions.Tests.Statements.Submission;

/// <summary>The submitter's and the co-sponsor's pages answer in each of the six languages, with no key left untranslated.</summary>
public sealed class SubmissionPagesInEveryLanguageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    public static TheoryData<string> AllLanguages() => [.. Languages.All];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task The_submission_pages_are_translated(string language)
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session, language: language);
        var coSponsor = await factory.AddCoSponsorAsync(language: language);
        var fields = submitter.StatementForm(session, pastedText: Words(100), extra: ("CoSponsorIds", coSponsor.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var preview = await submitter.Client.PreviewAsync(session.SessionId, fields);
        var confirmPage = await preview.Content.ReadAsStringAsync();
        var id = StatementSubmissionBuilders.StatementIdOf(await submitter.Client.ConfirmAsync(session.SessionId, confirmPage));
        var refused = await (await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(1600)))).Content.ReadAsStringAsync();

        var pages = new List<(string Html, string English)>
        {
            (confirmPage, "Confirm and submit"),
            (refused, "The statement has 1600 words; the limit is 1500."),
        };
        foreach (var (client, url, english) in new (HttpClient, string, string)[]
        {
            (submitter.Client, "/statements/mine", "Submit a written statement"),
            (submitter.Client, $"/statements/new?sessionId={session.SessionId}", "Count the words and check"),
            (submitter.Client, $"/statements/{id}", "Withdraw the statement"),
            (coSponsor.Client, $"/statements/{id}/co-sponsor", "Confirm the co-sponsorship"),
            (coSponsor.Client, "/statements/mine", "Requests to co-sponsor"),
        })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages.Add((await response.Content.ReadAsStringAsync(), english));
        }

        foreach (var (html, english) in pages)
        {
            Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
            if (language != Languages.English)
            {
                Assert.DoesNotContain(english, html, StringComparison.Ordinal);
                Assert.DoesNotContain("StatementStatus.", html, StringComparison.Ordinal);
                Assert.DoesNotContain("StatementTier.", html, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains(english, html, StringComparison.Ordinal);
            }
        }
    }
}
