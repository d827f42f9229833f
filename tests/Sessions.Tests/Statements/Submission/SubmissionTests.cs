using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Notices;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.StatementDocumentBuilders;

namespace Sessions.Tests.Statements.Submission;

/// <summary>A delegation's written statement from the form to review: counted from its text, checked, confirmed once.</summary>
public sealed class SubmissionTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Pasted_text_is_counted_shown_before_confirming_and_goes_to_review_with_a_notice()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);

        var preview = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(120) + "\n\n" + Words(30)));
        var page = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("The statement has 150 words; the limit is 1500.", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"confirm\"", page, StringComparison.Ordinal);
        Assert.Empty(await factory.StatementsOfSessionAsync(session.SessionId));

        var confirmed = await submitter.Client.ConfirmAsync(session.SessionId, page);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var statement = await factory.StatementAsync(StatementSubmissionBuilders.StatementIdOf(confirmed));
        Assert.Equal(StatementStatus.Submitted, statement.Status);
        Assert.Equal(StatementFormat.Text, statement.Format);
        Assert.Equal(150, statement.WordCount);
        Assert.Equal(1500, statement.WordLimit);
        Assert.Equal(StatementTier.EcosocSpecial, statement.Tier);
        Assert.Equal(submitter.User.Id, statement.SubmittedByUserId);
        Assert.Equal(Words(120) + "\n\n" + Words(30), statement.Text);
        Assert.Contains(await factory.NoticesToAsync(submitter.User.Email!), n => n.Kind == NoticeKinds.StatementReceived.Key);

        var shown = await submitter.Client.GetStringAsync($"/statements/{statement.Id}");
        Assert.Contains("Housing and the urban poor", shown, StringComparison.Ordinal);
        Assert.Contains("150 words (limit 1500)", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_document_is_counted_from_its_body_footnotes_and_endnotes_not_its_header()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);
        var docx = Docx([Words(200), Words(100)], footnote: Words(7), endnote: Words(5), header: Words(50));

        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session), new MultipartForms.Upload("File", "statement.docx", docx, "application/octet-stream"));

        var statement = await factory.StatementAsync(id);
        Assert.Equal(312, statement.WordCount);
        Assert.Equal(StatementFormat.Docx, statement.Format);
        Assert.NotNull(statement.FileId);
        var download = await submitter.Client.GetAsync($"/statements/{id}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(StatementDocuments.DocxContentType, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_pdf_is_counted_from_its_pages_and_the_count_is_shown()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);

        var preview = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session), new MultipartForms.Upload("File", "statement.pdf", Pdf(3, 100)));
        var page = await preview.Content.ReadAsStringAsync();

        Assert.Contains("The statement has 300 words; the limit is 1500.", page, StringComparison.Ordinal);
        var confirmed = await submitter.Client.ConfirmAsync(session.SessionId, page);
        var statement = await factory.StatementAsync(StatementSubmissionBuilders.StatementIdOf(confirmed));
        Assert.Equal(StatementFormat.Pdf, statement.Format);
        Assert.Equal(300, statement.WordCount);
    }

    [Fact]
    public async Task A_double_click_on_confirm_makes_one_statement()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);
        var preview = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session), new MultipartForms.Upload("File", "statement.docx", Docx(Words(80))));
        var page = await preview.Content.ReadAsStringAsync();

        var both = await Task.WhenAll(submitter.Client.ConfirmAsync(session.SessionId, page), submitter.Client.ConfirmAsync(session.SessionId, page));

        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var statement = Assert.Single(await factory.StatementsOfSessionAsync(session.SessionId));
        Assert.All(both, r => Assert.Equal(statement.Id, StatementSubmissionBuilders.StatementIdOf(r)));
        Assert.Single(await factory.NoticesToAsync(submitter.User.Email!), n => n.Kind == NoticeKinds.StatementReceived.Key);
    }

    [Fact]
    public async Task A_double_click_on_confirming_pasted_text_makes_one_statement()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);
        var preview = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(40)));
        var page = await preview.Content.ReadAsStringAsync();

        var both = await Task.WhenAll(submitter.Client.ConfirmAsync(session.SessionId, page), submitter.Client.ConfirmAsync(session.SessionId, page));

        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(await factory.StatementsOfSessionAsync(session.SessionId));
    }

    [Fact]
    public async Task Changing_the_statement_at_the_confirm_step_keeps_the_file()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);
        var preview = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session), new MultipartForms.Upload("File", "kept.docx", Docx(Words(60))));
        var fields = StatementSubmissionBuilders.ConfirmFields(await preview.Content.ReadAsStringAsync());

        var change = await submitter.Client.PostAsync($"/statements/new/{session.SessionId}/confirm", new FormUrlEncodedContent(fields.Append(new("change", "true"))));
        var form = await change.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("Kept from the previous step: kept.docx.", form, StringComparison.Ordinal);
        Assert.Contains("data-action=\"preview\"", form, StringComparison.Ordinal);
        Assert.Empty(await factory.StatementsOfSessionAsync(session.SessionId));
    }

    [Fact]
    public async Task Withdrawing_tells_the_submitter_and_a_withdrawn_statement_cannot_be_withdrawn_again()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);
        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(50)));
        var version = (await factory.StatementAsync(id)).Version;

        var withdrawn = await submitter.Client.PostConfirmedFormAsync($"/statements/{id}/withdraw", new { Version = version }, $"/statements/{id}");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(StatementStatus.Withdrawn, (await factory.StatementAsync(id)).Status);
        Assert.Contains(await factory.NoticesToAsync(submitter.User.Email!), n => n.Kind == NoticeKinds.StatementWithdrawn.Key);
        var page = await submitter.Client.GetStringAsync($"/statements/{id}");
        Assert.DoesNotContain("data-action=\"withdraw\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawal_on_a_stale_page_is_refused_with_the_shared_message()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);
        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(50)));

        var stale = await submitter.Client.PostConfirmedFormAsync($"/statements/{id}/withdraw", new { Version = Guid.NewGuid() }, $"/statements/{id}");

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(StatementStatus.Submitted, (await factory.StatementAsync(id)).Status);
    }

    [Fact]
    public async Task My_statements_lists_the_statements_and_the_sessions_open_to_submission()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);
        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(50), title: "Listed statement"));

        var page = await submitter.Client.GetStringAsync("/statements/mine");

        Assert.Contains($"href=\"/statements/{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("Listed statement", page, StringComparison.Ordinal);
        Assert.Contains($"/statements/new?sessionId={session.SessionId}", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/statements/mine\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_offers_the_delegation_the_agenda_items_and_the_named_fields()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);

        var page = await submitter.Client.GetStringAsync($"/statements/new?sessionId={session.SessionId}");

        foreach (var name in new[] { "AgendaItemId", "Title", "Language", "File", "PastedText", "CoSponsorIds", "Supporters" })
        {
            Assert.Contains($"name=\"{name}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains($"name=\"DelegationId\" value=\"{submitter.DelegationId}\"", page, StringComparison.Ordinal);
        Assert.Contains("data-action=\"preview\"", page, StringComparison.Ordinal);
        Assert.Contains("Adequate housing for all", page, StringComparison.Ordinal);
        Assert.Contains("Word limit: 1500 words, or 2500 for a joint statement.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statement_text_is_kept_escaped_on_the_page()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);

        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session, pastedText: "We <script>alert(1)</script> insist", title: "<b>Bold</b> title"));

        var page = await submitter.Client.GetStringAsync($"/statements/{id}");
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Bold</b>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Bold&lt;/b&gt; title", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_statement_and_its_file_needs_no_secretariat_role_but_the_secretariat_may()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);
        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session), new MultipartForms.Upload("File", "s.pdf", Pdf(1, 20)));
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Core.Accounts.Roles.Secretariat);

        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/statements/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/statements/{id}")).StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.WrittenStatements.CountAsync(s => s.Id == id)));
    }
    [Fact]
    public async Task A_focal_point_of_several_approved_delegations_chooses_the_one_that_submits()
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session);
        var second = await factory.AddOrganisationAsync("Second " + OrganisationSeeding.UniqueToken(), Core.Organisations.OrganisationCategory.IntergovernmentalOrganisation);
        var secondDelegation = await factory.AddDelegationAsync(session.SessionId, second, Core.Registration.Capacity.IntergovernmentalOrganisation, Core.Registration.RegistrationStatus.Approved, [DelegationBuilders.Nominee("Li", "Wei")]);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Core.Data.SessionsDbContext>();
            db.FocalPoints.Add(new Core.Organisations.FocalPoint(second, submitter.User.Id, Core.Organisations.FocalPointStatus.Approved, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });

        var form = await submitter.Client.GetStringAsync($"/statements/new?sessionId={session.SessionId}");
        Assert.Contains("<select class=\"form-select\" data-val=\"true\"", form, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{secondDelegation.Id}\"", form, StringComparison.Ordinal);

        var fields = submitter.StatementForm(session, pastedText: Words(100)).Where(f => f.Key != "DelegationId")
            .Append(new("DelegationId", secondDelegation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, fields);

        var statement = await factory.StatementAsync(id);
        Assert.Equal(second, statement.OrganisationId);
        Assert.Equal(StatementTier.IntergovernmentalOrganisation, statement.Tier);
        Assert.Equal(2000, statement.WordLimit);
    }
}
