using Sessions.Core.Statements;

namespace Sessions.Tests.Statements.Published;

public sealed class PublishedStatementFileNameTests
{
    [Theory]
    [InlineData("HSP/HA.2/NGO/3", StatementFormat.Docx, "HSP-HA.2-NGO-3.docx")]
    [InlineData("HSP/HA.2/INF/12", StatementFormat.Pdf, "HSP-HA.2-INF-12.pdf")]
    [InlineData("HSP/HA.2/NGO/(1)", StatementFormat.Text, "HSP-HA.2-NGO-(1).txt")]
    [InlineData("../../etc/passwd", StatementFormat.Text, "etc-passwd.txt")]
    [InlineData("A/<script>\"x\"", StatementFormat.Pdf, "A-_script__x.pdf")]
    [InlineData("السكن/1", StatementFormat.Docx, "1.docx")]
    [InlineData("", StatementFormat.Text, "statement.txt")]
    public void An_issued_document_is_named_after_its_symbol_in_safe_characters(string symbol, StatementFormat format, string expected) =>
        Assert.Equal(expected, IssuedDocumentFiles.FileName(symbol, format));
}
