using System.Net;
using ClosedXML.Excel;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Registration;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Statements.Review;

/// <summary>The review pages and the Excel list answer in each of the six languages, with no text left in English.</summary>
public sealed class ReviewPagesInEveryLanguageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    public static TheoryData<string> AllLanguages() => [.. Languages.All];

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public async Task The_queue_the_rules_the_statement_and_the_excel_list_are_translated(string language)
    {
        var session = await factory.AddReviewSessionAsync();
        var submitter = await factory.AddReviewSubmitterAsync(session.SessionId);
        var coSponsor = await factory.AddReviewSubmitterAsync(session.SessionId, Capacity.Member, StatementTier.State);
        var joint = await factory.AddStatementAsync(session, submitter, coSponsors: [coSponsor], supporters: ["Friends of Parks"]);
        var single = await factory.AddStatementAsync(session, coSponsor);
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var pages = new (string Url, string[] English)[]
        {
            ($"/sessions/manage/{session.SessionId}/statements?status=all", ["Rules for written statements", "Words / limit", "Title or organisation", "Joint: "]),
            ($"/sessions/manage/{session.SessionId}/statements/rules", ["Word limits of statements", "Limit for the ECOSOC roster", "Symbol series", "Who may submit statements"]),
            ($"/statements/review/{joint}", ["Co-sponsors and their answers", "Supporters named in the footnote", "Text of the statement as submitted", "Proceed without waiting"]),
            ($"/statements/review/{single}", ["Accept and issue", "Reject the statement", "Close as a duplicate", "words; the limit is"]),
            ($"/sessions/manage/{session.SessionId}", ["Written statements"]),
        };
        foreach (var (url, english) in pages)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains($"lang=\"{language}\"", html, StringComparison.Ordinal);
            foreach (var text in english)
            {
                Assert.True((language == Languages.English) == html.Contains(text, StringComparison.Ordinal), $"{url} in {language}: \"{text}\"");
            }
        }

        var workbook = await client.GetAsync($"/sessions/manage/{session.SessionId}/statements.xlsx?status=all");
        using var sheet = new XLWorkbook(new MemoryStream(await workbook.Content.ReadAsByteArrayAsync()));
        Assert.Equal(language == Languages.English, sheet.Worksheets.Single().Name == "Statement list");
        Assert.Equal(language == Languages.English, sheet.Worksheets.Single().Cell(1, 9).GetString() == "Number of words");
        Assert.Equal(language == Languages.Arabic, sheet.Worksheets.Single().RightToLeft);
    }
}
