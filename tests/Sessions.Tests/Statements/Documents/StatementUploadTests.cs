using Sessions.Core.Common;
using Sessions.Core.Files;
using Sessions.Core.Statements;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Files;
using static Sessions.Tests.Infrastructure.StatementDocumentBuilders;

namespace Sessions.Tests.Statements.Documents;

public sealed class StatementUploadTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sessions-statement-uploads-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_statement_upload_is_a_pdf_or_a_word_document_by_its_content()
    {
        Assert.Equal(StatementDocuments.PdfContentType, UploadRule.StatementDocument.Check("%PDF-1.7\n"u8, 9));
        Assert.Equal(StatementDocuments.DocxContentType, UploadRule.StatementDocument.Check("PK\u0003\u0004\u0014\u0000"u8, 6));
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script>")]
    [InlineData("PK\u0005\u0006")]
    [InlineData("%PD")]
    [InlineData("{\\rtf1\\ansi statement}")]
    public void Anything_else_is_refused_whatever_its_name(string head)
    {
        var refused = Assert.Throws<DomainException>(() => UploadRule.StatementDocument.Check(System.Text.Encoding.Latin1.GetBytes(head), head.Length));

        Assert.Equal("The file is not a Word (DOCX) or PDF document.", refused.Message);
    }

    [Fact]
    public void A_statement_upload_is_at_most_ten_megabytes_and_not_empty()
    {
        Assert.Equal("The file is larger than {0} MB.", Assert.Throws<DomainException>(() => UploadRule.StatementDocument.Check("%PDF-"u8, 10 * 1024 * 1024 + 1)).Message);
        Assert.Equal("The file is empty.", Assert.Throws<DomainException>(() => UploadRule.StatementDocument.Check([], 0)).Message);
    }

    [Fact]
    public void The_pdf_rule_still_refuses_a_word_document()
    {
        Assert.Equal("The file is not a PDF document.", Assert.Throws<DomainException>(() => UploadRule.Pdf.Check("PK\u0003\u0004"u8, 4)).Message);
        Assert.Equal("application/pdf", UploadRule.Pdf.Check("%PDF-1.4"u8, 8));
    }

    [Fact]
    public async Task The_stored_file_takes_the_sniffed_content_type_not_its_name()
    {
        var store = new FileStore(new DataDirectory(_directory), TimeProvider.System);

        var docx = await store.SaveAsync(new MemoryStream(Docx("Named like a PDF")), "statement.pdf", UploadRule.StatementDocument, null);
        var pdf = await store.SaveAsync(new MemoryStream(Pdf(1, 10)), "statement.docx", UploadRule.StatementDocument, null);

        Assert.Equal(StatementDocuments.DocxContentType, docx.ContentType);
        Assert.Equal(StatementDocuments.PdfContentType, pdf.ContentType);
        await using var stored = store.OpenRead(docx);
        Assert.Equal(4, StatementDocuments.Read(stored, docx.ContentType).Words);
    }

    [Fact]
    public async Task A_refused_statement_upload_leaves_nothing_behind()
    {
        var store = new FileStore(new DataDirectory(_directory), TimeProvider.System);

        var refused = await Assert.ThrowsAsync<DomainException>(() => store.SaveAsync(new MemoryStream("<html></html>"u8.ToArray()), "statement.docx", UploadRule.StatementDocument, null));

        Assert.Equal("The file is not a Word (DOCX) or PDF document.", refused.Message);
        Assert.Empty(Directory.EnumerateFiles(_directory, "*", SearchOption.AllDirectories));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
