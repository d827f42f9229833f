using System.Net;
using Sessions.Core.Accounts;
using Sessions.Core.Notices;
using Sessions.Core.Registration;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Statements.Review;

/// <summary>The secretariat reads a statement in the browser and accepts, rejects, closes or sends it on; each change is told.</summary>
public sealed class ReviewDecisionTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string Conflict = "Someone else changed this record while you were editing it. Review the current version below and apply your changes again.";

    [Fact]
    public async Task The_statement_page_shows_the_text_in_paragraphs_encoded_with_co_sponsors_supporters_and_the_word_count()
    {
        var session = await factory.AddReviewSessionAsync();
        var submitter = await factory.AddReviewSubmitterAsync(session.SessionId, name: "Habitat Coalition");
        var confirming = await factory.AddReviewSubmitterAsync(session.SessionId, Capacity.Member, StatementTier.State, name: "Kenya");
        var declining = await factory.AddReviewSubmitterAsync(session.SessionId, name: "Declining Network");
        var silent = await factory.AddReviewSubmitterAsync(session.SessionId, name: "Silent Alliance");
        var id = await factory.AddStatementAsync(session, submitter,
            title: "Homes <b>for</b> all",
            text: "First paragraph with <script>alert('x')</script> in it.\n\nSecond paragraph, line one.\nLine two.",
            coSponsors: [confirming, declining, silent],
            supporters: ["Friends of Parks", "Tenants' Union"]);
        await factory.AnswerAsync(id, confirming, confirm: true);
        await factory.AnswerAsync(id, declining, confirm: false);
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var html = await client.GetStringAsync($"/statements/review/{id}");

        Assert.Matches(@"<p>\s*First paragraph with &lt;script&gt;alert\(&#x27;x&#x27;\)&lt;/script&gt; in it.\s*</p>", html);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("Homes &lt;b&gt;for&lt;/b&gt; all", html, StringComparison.Ordinal);
        Assert.Matches(@"<p>\s*Second paragraph, line one.\s*<br />\s*Line two.\s*</p>", html);
        Assert.Contains("12 words; the limit is 2,500.", html, StringComparison.Ordinal);
        Assert.Contains("Kenya", html, StringComparison.Ordinal);
        Assert.Contains("Declining Network", html, StringComparison.Ordinal);
        Assert.Contains("Tenants&#x27; Union", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Kenya", StringComparison.Ordinal) < html.IndexOf("Declining Network", StringComparison.Ordinal), "States are listed before accredited organisations.");
        Assert.Contains("data-action=\"proceed\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"accept\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/statements/{id}/file", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Received late", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_statement_links_to_its_file_and_shows_the_text_read_from_it()
    {
        var session = await factory.AddReviewSessionAsync();
        var submitter = await factory.AddReviewSubmitterAsync(session.SessionId);
        var id = await factory.AddStatementAsync(session, submitter, docx: StatementDocumentBuilders.Docx("Read from the document.", "A second paragraph."));
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var html = await client.GetStringAsync($"/statements/review/{id}");

        Assert.Contains($"href=\"/statements/{id}/file\"", html, StringComparison.Ordinal);
        Assert.Contains("statement.docx", html, StringComparison.Ordinal);
        Assert.Matches(@"<p>\s*Read from the document.\s*</p>\s*<p>\s*A second paragraph.\s*</p>", html);
        Assert.Contains("7 words; the limit is 1,500.", html, StringComparison.Ordinal);
        var file = await client.GetAsync($"/statements/{id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(StatementDocuments.DocxContentType, file.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Accepting_issues_the_statement_under_the_next_symbol_and_tells_the_submitter_and_confirmed_co_sponsors()
    {
        var session = await factory.AddReviewSessionAsync();
        var submitter = await factory.AddReviewSubmitterAsync(session.SessionId);
        var coSponsor = await factory.AddReviewSubmitterAsync(session.SessionId, tier: StatementTier.EcosocGeneral);
        var first = await factory.AddStatementAsync(session, submitter, title: "First");
        var joint = await factory.AddStatementAsync(session, submitter, title: "Joint", coSponsors: [coSponsor]);
        await factory.AnswerAsync(joint, coSponsor, confirm: true);
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.PostPageFormAsync($"/statements/review/{first}/accept", new { }, $"/statements/review/{first}");
        await client.PostPageFormAsync($"/statements/review/{joint}/accept", new { }, $"/statements/review/{joint}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var issued = await factory.ReviewedStatementAsync(first);
        Assert.Equal(StatementStatus.Issued, issued.Status);
        Assert.Equal($"{session.Symbol}/NGO/1", issued.Symbol);
        Assert.NotNull(issued.IssuedOn);
        Assert.Equal($"{session.Symbol}/NGO/2", (await factory.ReviewedStatementAsync(joint)).Symbol);
        var toSubmitter = await factory.NoticesToAsync(submitter.FocalPoint.Email!);
        Assert.Contains(toSubmitter, n => n.Kind == NoticeKinds.StatementIssued.Key && n.TextBody.Contains($"{session.Symbol}/NGO/1", StringComparison.Ordinal)
            && n.TextBody.Contains($"/statements/issued/{first}", StringComparison.Ordinal));
        Assert.Single(await factory.NoticesToAsync(coSponsor.FocalPoint.Email!), n => n.Kind == NoticeKinds.StatementIssued.Key);
        var page = await client.GetStringAsync($"/statements/review/{first}");
        Assert.Contains($"{session.Symbol}/NGO/1", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"accept\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_acceptance_from_a_page_opened_before_the_first_is_refused_with_the_conflict_message()
    {
        var session = await factory.AddReviewSessionAsync();
        var submitter = await factory.AddReviewSubmitterAsync(session.SessionId);
        var id = await factory.AddStatementAsync(session, submitter);
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var (token, version) = await client.ReadFormAsync($"/statements/review/{id}");
        Assert.Equal((await factory.StatementVersionAsync(id)).ToString(), version);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostPageFormAsync($"/statements/review/{id}/accept", new { }, $"/statements/review/{id}")).StatusCode);
        var again = await client.PostAsync($"/statements/review/{id}/accept", new FormUrlEncodedContent([new("Version", version), new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(Conflict.Replace("'", "&#x27;"), await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal($"{session.Symbol}/NGO/1", (await factory.ReviewedStatementAsync(id)).Symbol);
        Assert.Single(await factory.NoticesToAsync(submitter.FocalPoint.Email!), n => n.Kind == NoticeKinds.StatementIssued.Key);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_keeps_what_was_typed_and_tells_the_reason_without_taking_a_number()
    {
        var session = await factory.AddReviewSessionAsync();
        var submitter = await factory.AddReviewSubmitterAsync(session.SessionId);
        var rejected = await factory.AddStatementAsync(session, submitter, title: "Off topic");
        var accepted = await factory.AddStatementAsync(session, submitter, title: "On topic");
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var empty = await client.PostPageFormAsync($"/statements/review/{rejected}/reject", new { Reason = "   " }, $"/statements/review/{rejected}");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Give the reason for rejecting the statement (at most 2000 characters).", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(StatementStatus.Submitted, (await factory.ReviewedStatementAsync(rejected)).Status);

        var done = await client.PostConfirmedPageFormAsync($"/statements/review/{rejected}/reject", new { Reason = "It is not on the agenda item <chosen>." }, $"/statements/review/{rejected}");
        await client.PostPageFormAsync($"/statements/review/{accepted}/accept", new { }, $"/statements/review/{accepted}");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var statement = await factory.ReviewedStatementAsync(rejected);
        Assert.Equal(StatementStatus.Rejected, statement.Status);
        Assert.Null(statement.Number);
        Assert.Equal($"{session.Symbol}/NGO/1", (await factory.ReviewedStatementAsync(accepted)).Symbol);
        Assert.Contains(await factory.NoticesToAsync(submitter.FocalPoint.Email!),
            n => n.Kind == NoticeKinds.StatementRejected.Key && n.TextBody.Contains("It is not on the agenda item <chosen>.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_duplicate_is_closed_against_another_statement_of_the_session_and_the_submitter_is_told_which()
    {
        var session = await factory.AddReviewSessionAsync();
        var other = await factory.AddReviewSessionAsync();
        var submitter = await factory.AddReviewSubmitterAsync(session.SessionId);
        var elsewhere = await factory.AddReviewSubmitterAsync(other.SessionId);
        var original = await factory.AddStatementAsync(session, submitter, title: "The original text");
        var copy = await factory.AddStatementAsync(session, submitter, title: "The same again");
        var foreign = await factory.AddStatementAsync(other, elsewhere, title: "Another session");
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var page = await client.GetStringAsync($"/statements/review/{copy}");
        Assert.Contains($"<option value=\"{original}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{foreign}\"", page, StringComparison.Ordinal);
        var refused = await client.PostPageFormAsync($"/statements/review/{copy}/duplicate", new { DuplicateOfId = foreign }, $"/statements/review/{copy}");
        Assert.Contains("Choose another statement of the same session as the original.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await client.PostPageFormAsync($"/statements/review/{copy}/duplicate", new { DuplicateOfId = original }, $"/statements/review/{copy}");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var statement = await factory.ReviewedStatementAsync(copy);
        Assert.Equal(StatementStatus.Duplicate, statement.Status);
        Assert.Equal(original, statement.DuplicateOfId);
        Assert.Null(statement.Number);
        Assert.Contains(await factory.NoticesToAsync(submitter.FocalPoint.Email!),
            n => n.Kind == NoticeKinds.StatementDuplicate.Key && n.TextBody.Contains("“The original text”", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_secretariat_can_send_a_joint_statement_to_review_without_waiting_and_everyone_is_told()
    {
        var session = await factory.AddReviewSessionAsync();
        var submitter = await factory.AddReviewSubmitterAsync(session.SessionId);
        var coSponsor = await factory.AddReviewSubmitterAsync(session.SessionId);
        var id = await factory.AddStatementAsync(session, submitter, coSponsors: [coSponsor]);
        await factory.AddStatementAsync(session, coSponsor, title: "Another one");
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var early = await client.PostPageFormAsync($"/statements/review/{id}/accept", new { }, $"/statements/review/{id}");
        Assert.Contains("This statement still waits for its co-sponsors.", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var response = await client.PostPageFormAsync($"/statements/review/{id}/proceed", new { }, $"/statements/review/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var statement = await factory.ReviewedStatementAsync(id);
        Assert.Equal(StatementStatus.Submitted, statement.Status);
        Assert.NotNull(statement.CoSponsorsOverriddenByUserId);
        Assert.Contains(await factory.NoticesToAsync(submitter.FocalPoint.Email!), n => n.Kind == NoticeKinds.StatementInReview.Key);
        Assert.Contains(await factory.NoticesToAsync(coSponsor.FocalPoint.Email!), n => n.Kind == NoticeKinds.StatementInReview.Key);
        var page = await client.GetStringAsync($"/statements/review/{id}");
        Assert.Contains("data-action=\"accept\"", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"reject\"", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"duplicate\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_secretariat_reaches_the_review_pages_and_an_unknown_statement_is_not_found()
    {
        var session = await factory.AddReviewSessionAsync();
        var submitter = await factory.AddReviewSubmitterAsync(session.SessionId);
        var id = await factory.AddStatementAsync(session, submitter);
        var focalPoint = factory.CreateBrowser("en");
        await focalPoint.SignInAsFocalPointOfAsync(factory, submitter.OrganisationId);
        var secretariat = factory.CreateBrowser("en");
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);

        foreach (var url in new[] { $"/statements/review/{id}", $"/sessions/manage/{session.SessionId}/statements", $"/sessions/manage/{session.SessionId}/statements/rules", $"/sessions/manage/{session.SessionId}/statements.xlsx" })
        {
            await focalPoint.AssertForbiddenAsync(url);
        }

        var forged = await focalPoint.PostAsync($"/statements/review/{id}/accept", new FormUrlEncodedContent([new("Version", (await factory.StatementVersionAsync(id)).ToString())]));
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.NotEqual($"/statements/review/{id}", forged.Headers.Location?.OriginalString);
        Assert.Equal(StatementStatus.Submitted, (await factory.ReviewedStatementAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/statements/review/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/sessions/manage/987654/statements")).StatusCode);
    }
}
