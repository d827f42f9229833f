using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accreditation;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.StatementDocumentBuilders;

namespace Sessions.Tests.Statements.Submission;

/// <summary>Every bad input of submission is refused on the form, in words the submitter can act on, and keeps nothing.</summary>
public sealed class SubmissionBadInputTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const string NotADocument = "The file is not a Word (DOCX) or PDF document.";

    public static TheoryData<string, byte[]> NotDocuments() => new()
    {
        { "statement.docx", "<html><body><script>alert(1)</script>Statement</body></html>"u8.ToArray() },
        { "statement.pdf", @"{\rtf1\ansi A statement in rich text}"u8.ToArray() },
        { "statement.docx", Zip([("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"u8.ToArray()), ("xl/workbook.xml", "<workbook/>"u8.ToArray())]) },
        { "statement.exe", "MZ\u0090\u0000 not a document"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(NotDocuments))]
    public async Task A_file_that_is_not_docx_or_pdf_by_its_content_is_refused_whatever_its_name(string name, byte[] bytes)
    {
        var (session, submitter) = await SubmitterAsync();

        var html = await RefusedAsync(session, submitter, new MultipartForms.Upload("File", name, bytes, "application/pdf"));

        Assert.Contains(NotADocument, html, StringComparison.Ordinal);
        await AssertNothingKeptAsync(session, submitter);
    }

    [Fact]
    public async Task A_word_document_that_is_a_zip_bomb_is_refused()
    {
        var (session, submitter) = await SubmitterAsync();
        var bomb = Zip(Unzip(Docx("A short statement")).Append(("word/bomb.xml", new byte[200 * 1024 * 1024])));
        Assert.True(bomb.Length < 1024 * 1024);

        var html = await RefusedAsync(session, submitter, new MultipartForms.Upload("File", "statement.docx", bomb, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

        Assert.Contains("The file is compressed in an unsafe way and cannot be accepted.", html, StringComparison.Ordinal);
        await AssertNothingKeptAsync(session, submitter);
    }

    [Fact]
    public async Task A_pdf_that_cannot_be_parsed_is_refused()
    {
        var (session, submitter) = await SubmitterAsync();
        var broken = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage without an end"u8.ToArray();

        var html = await RefusedAsync(session, submitter, new MultipartForms.Upload("File", "statement.pdf", broken));

        Assert.Contains("The document could not be read. It may be damaged or protected by a password.", html, StringComparison.Ordinal);
        await AssertNothingKeptAsync(session, submitter);
    }

    [Fact]
    public async Task A_file_over_ten_megabytes_is_refused()
    {
        var (session, submitter) = await SubmitterAsync();
        var large = new byte[10 * 1024 * 1024 + 1];
        "%PDF-1.7\n"u8.CopyTo(large);

        var html = await RefusedAsync(session, submitter, new MultipartForms.Upload("File", "statement.pdf", large));

        Assert.Contains("The file is larger than 10 MB.", html, StringComparison.Ordinal);
        await AssertNothingKeptAsync(session, submitter);
    }

    [Fact]
    public async Task A_request_far_over_the_limit_goes_back_to_the_form_with_the_size_message()
    {
        var (session, submitter) = await SubmitterAsync();

        var response = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session), new MultipartForms.Upload("File", "statement.pdf", new byte[13 * 1024 * 1024]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var form = await submitter.Client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("The file is larger than 10 MB.", form, StringComparison.Ordinal);
        await AssertNothingKeptAsync(session, submitter);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var (session, submitter) = await SubmitterAsync();

        var html = await RefusedAsync(session, submitter, new MultipartForms.Upload("File", "statement.docx", []));

        Assert.Contains("The file is empty.", html, StringComparison.Ordinal);
        await AssertNothingKeptAsync(session, submitter);
    }

    [Fact]
    public async Task No_file_and_no_text_and_both_a_file_and_text_are_refused()
    {
        var (session, submitter) = await SubmitterAsync();

        Assert.Contains("Upload the statement as a Word (DOCX) or PDF file, or paste its text.", await RefusedAsync(session, submitter, null), StringComparison.Ordinal);
        var both = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(10)), new MultipartForms.Upload("File", "s.pdf", Pdf(1, 10)));
        Assert.Contains("Upload a file or paste the text, not both.", await both.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingKeptAsync(session, submitter);
    }

    [Fact]
    public async Task Over_the_word_limit_is_refused_with_the_count_and_the_limit()
    {
        var (session, submitter) = await SubmitterAsync();

        var pasted = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(1501)));
        var docx = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session), new MultipartForms.Upload("File", "long.docx", Docx([Words(1490)], footnote: Words(20), endnote: null, header: null)));

        Assert.Contains("The statement has 1501 words; the limit is 1500.", await pasted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The statement has 1510 words; the limit is 1500.", await docx.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingKeptAsync(session, submitter);
    }

    [Fact]
    public async Task The_word_limit_follows_the_tier_and_the_joint_limit_applies_to_a_joint_statement()
    {
        var session = await factory.AddStatementSessionAsync();
        var general = await factory.AddSubmitterAsync(session, accreditation: AccreditationBasis.EcosocGeneral);
        var coSponsor = await factory.AddCoSponsorAsync();

        var single = await general.Client.PreviewAsync(session.SessionId, general.StatementForm(session, pastedText: Words(1800)));
        var joint = await general.Client.PreviewAsync(session.SessionId, general.StatementForm(session, pastedText: Words(2400), extra: ("CoSponsorIds", coSponsor.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Contains("The statement has 1800 words; the limit is 2000.", await single.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The statement has 2400 words; the limit is 2500.", await joint.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_the_session_does_not_accept_is_refused_and_not_offered()
    {
        var (session, submitter) = await SubmitterAsync();
        await factory.SetStatementRulesAsync(session.SessionId, rules => rules.SetLanguages(["en", "fr"]));

        var form = await submitter.Client.GetStringAsync($"/statements/new?sessionId={session.SessionId}");
        var response = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(100), language: "ru"));

        var offered = System.Text.RegularExpressions.Regex.Match(form, "<select[^>]*name=\"Language\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("<option value=\"fr\"", offered, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"ru\"", offered, StringComparison.Ordinal);
        Assert.Contains("This session does not accept written statements in this language.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingKeptAsync(session, submitter);
    }

    [Fact]
    public async Task A_co_sponsor_without_accreditation_is_refused_and_not_offered()
    {
        var (session, submitter) = await SubmitterAsync();
        var unaccredited = await factory.AddCoSponsorAsync(OrganisationCategory.NonGovernmentalOrganisation);
        var pending = await factory.AddOrganisationAsync("Pending NGO " + OrganisationSeeding.UniqueToken(), OrganisationCategory.NonGovernmentalOrganisation);
        await factory.AddAccreditationAsync(pending, AccreditationBasis.EcosocSpecial, AccreditationStatus.Pending);
        var accredited = await factory.AddCoSponsorAsync(OrganisationCategory.NonGovernmentalOrganisation, AccreditationBasis.EcosocRoster);

        var form = await submitter.Client.GetStringAsync($"/statements/new?sessionId={session.SessionId}");
        // By the checkbox's id: a bare value="2" would also match an agenda item's option when the test runs alone.
        Assert.DoesNotContain($"id=\"co-sponsor-{unaccredited.OrganisationId}\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"co-sponsor-{pending}\"", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"CoSponsorIds\" id=\"co-sponsor-{accredited.OrganisationId}\"", form, StringComparison.Ordinal);

        foreach (var id in new[] { unaccredited.OrganisationId, pending })
        {
            var response = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(100), extra: ("CoSponsorIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Assert.Contains("Only accredited organisations, States, the UN system and IGOs can co-sponsor a statement; name the others as supporters.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await AssertNothingKeptAsync(session, submitter);
    }

    [Theory]
    [InlineData(RegistrationStatus.Draft)]
    [InlineData(RegistrationStatus.Submitted)]
    [InlineData(RegistrationStatus.Rejected)]
    [InlineData(RegistrationStatus.Withdrawn)]
    public async Task A_delegation_that_is_not_approved_cannot_submit(RegistrationStatus status)
    {
        var session = await factory.AddStatementSessionAsync();
        var submitter = await factory.AddSubmitterAsync(session, status: status);

        var form = await submitter.Client.GetStringAsync($"/statements/new?sessionId={session.SessionId}");
        var response = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(100)));

        Assert.Contains("You do not represent a delegation approved for this session.", form, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"preview\"", form, StringComparison.Ordinal);
        Assert.Contains("Only an approved delegation can submit written statements.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingKeptAsync(session, submitter);
    }

    [Fact]
    public async Task Someone_outside_the_delegation_cannot_submit_for_it()
    {
        var (session, submitter) = await SubmitterAsync();
        var outsider = await factory.AddCoSponsorAsync();
        var delegate_ = factory.CreateBrowser();
        await delegate_.SignInAsAsync(factory, Core.Accounts.Roles.Delegate);

        foreach (var client in new[] { outsider.Client, delegate_ })
        {
            var form = await client.GetStringAsync($"/statements/new?sessionId={session.SessionId}");
            Assert.Contains("You do not represent a delegation approved for this session.", form, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/statements/new?sessionId={session.SessionId}&delegationId={submitter.DelegationId}")).StatusCode);
            var response = await client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(100)));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Empty(await factory.StatementsOfSessionAsync(session.SessionId));
    }

    [Fact]
    public async Task A_delegate_of_an_approved_delegation_submits_for_it()
    {
        var (session, submitter) = await SubmitterAsync();
        var delegate_ = factory.CreateBrowser();
        var user = await delegate_.SignInAsAsync(factory, Core.Accounts.Roles.Delegate);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Core.Data.SessionsDbContext>();
            var participant = await db.Participants.FirstAsync(p => p.DelegationId == submitter.DelegationId);
            db.Entry(participant).Property(p => p.UserId).CurrentValue = user.Id;
            await db.SaveChangesAsync();
        });

        var id = await delegate_.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(90)));

        var statement = await factory.StatementAsync(id);
        Assert.Equal(user.Id, statement.SubmittedByUserId);
        Assert.Equal(submitter.OrganisationId, statement.OrganisationId);
        Assert.Equal(HttpStatusCode.OK, (await submitter.Client.GetAsync($"/statements/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_agenda_item_of_another_session_is_refused()
    {
        var (session, submitter) = await SubmitterAsync();
        var other = await factory.AddStatementSessionAsync();
        var fields = submitter.StatementForm(session, pastedText: Words(100)).Where(f => f.Key != "AgendaItemId")
            .Append(new("AgendaItemId", other.AgendaItemIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var response = await submitter.Client.PreviewAsync(session.SessionId, fields);

        Assert.Contains("Choose an agenda item of this session.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisations_statement_reached_by_its_id_answers_404()
    {
        var (session, submitter) = await SubmitterAsync();
        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session), new MultipartForms.Upload("File", "s.docx", Docx(Words(70))));
        var other = await factory.AddSubmitterAsync(session);
        var version = (await factory.StatementAsync(id)).Version;

        foreach (var url in new[] { $"/statements/{id}", $"/statements/{id}/file", $"/statements/{id}/co-sponsor" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(url)).StatusCode);
        }

        var withdraw = await other.Client.PostConfirmedFormAsync($"/statements/{id}/withdraw", new { Version = version }, "/statements/mine");
        var answer = await other.Client.PostFormAsync($"/statements/{id}/co-sponsor", new { OrganisationId = other.OrganisationId, Answer = "confirm" }, "/statements/mine");
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal(StatementStatus.Submitted, (await factory.StatementAsync(id)).Status);
        Assert.DoesNotContain($"/statements/{id}\"", await other.Client.GetStringAsync("/statements/mine"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_stored_by_someone_else_is_not_taken_back_at_confirm()
    {
        var (session, submitter) = await SubmitterAsync();
        var other = await factory.AddSubmitterAsync(session);
        var preview = await other.Client.PreviewAsync(session.SessionId, other.StatementForm(session), new MultipartForms.Upload("File", "theirs.docx", Docx(Words(70))));
        var theirFileId = StatementSubmissionBuilders.ConfirmFields(await preview.Content.ReadAsStringAsync()).Single(f => f.Key == "FileId").Value;
        var page = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session, pastedText: Words(5)));
        var fields = StatementSubmissionBuilders.ConfirmFields(await page.Content.ReadAsStringAsync()).Where(f => f.Key != "PastedText").Append(new("FileId", theirFileId));

        var confirmed = await submitter.Client.PostAsync($"/statements/new/{session.SessionId}/confirm", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("The file you uploaded is no longer available: upload it again.", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await factory.StatementsOfSessionAsync(session.SessionId));
    }

    [Fact]
    public async Task A_file_name_with_path_characters_or_script_is_stored_and_offered_back_safely()
    {
        var (session, submitter) = await SubmitterAsync();
        var pdf = Pdf(1, 40);

        var id = await submitter.Client.SubmitStatementAsync(session.SessionId, submitter.StatementForm(session), new MultipartForms.Upload("File", "..\\..\\wwwroot\\<img src=x onerror=alert(1)>statement.html", pdf));

        var file = await factory.WithDbAsync(db => db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == db.WrittenStatements.Single(s => s.Id == id).FileId));
        Assert.Equal("img src=x onerror=alert(1)statement.pdf", file.OriginalName);
        Assert.DoesNotContain("..", file.RelativePath, StringComparison.Ordinal);
        Assert.StartsWith("files", file.RelativePath, StringComparison.Ordinal);
        var path = Path.Combine(factory.DataDirectory, file.RelativePath);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), file.Sha256);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(path));
        Assert.DoesNotContain(Path.Combine(RepositoryPaths.Root, "wwwroot"), Path.GetFullPath(path), StringComparison.Ordinal);

        var page = await submitter.Client.GetStringAsync($"/statements/{id}");
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        var download = await submitter.Client.GetAsync($"/statements/{id}/file");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var offered = download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName!;
        Assert.DoesNotContain("/", offered, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", offered, StringComparison.Ordinal);
        Assert.DoesNotContain("<", offered, StringComparison.Ordinal);
        Assert.EndsWith(".pdf", offered.Trim('"'), StringComparison.Ordinal);
    }

    private async Task<(StatementSubmissionBuilders.StatementSession Session, StatementSubmissionBuilders.Submitter Submitter)> SubmitterAsync()
    {
        var session = await factory.AddStatementSessionAsync();
        return (session, await factory.AddSubmitterAsync(session));
    }

    /// <summary>Posts the form with the upload and returns the page, which must be the form again (not the confirm step).</summary>
    private static async Task<string> RefusedAsync(StatementSubmissionBuilders.StatementSession session, StatementSubmissionBuilders.Submitter submitter, MultipartForms.Upload? upload)
    {
        var response = await submitter.Client.PreviewAsync(session.SessionId, submitter.StatementForm(session), upload);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-action=\"confirm\"", html, StringComparison.Ordinal);
        Assert.Contains("data-action=\"preview\"", html, StringComparison.Ordinal);
        Assert.Contains("Housing and the urban poor", html, StringComparison.Ordinal);
        return html;
    }

    /// <summary>No statement, no stored file record and no bytes under the data directory's files folder for this submitter.</summary>
    private async Task AssertNothingKeptAsync(StatementSubmissionBuilders.StatementSession session, StatementSubmissionBuilders.Submitter submitter)
    {
        Assert.Empty(await factory.StatementsOfSessionAsync(session.SessionId));
        Assert.Equal(0, await factory.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.StoredByUserId == submitter.User.Id)));
        var recorded = await factory.WithDbAsync(db => db.StoredFiles.Select(f => f.RelativePath).ToListAsync());
        var files = Path.Combine(factory.DataDirectory, "files");
        var onDisk = Directory.Exists(files) ? Directory.GetFiles(files, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(factory.DataDirectory, p)).ToList() : [];
        Assert.Empty(onDisk.Except(recorded));
    }

    private static List<(string Name, byte[] Content)> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        }).ToList();
    }
}
