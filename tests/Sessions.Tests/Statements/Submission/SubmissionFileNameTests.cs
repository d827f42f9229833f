using Sessions.Web.Features.Statements.Submission;

namespace Sessions.Tests.Statements.Submission;

/// <summary>The name a statement's file is offered back under: no path, no markup, the extension of what it is.</summary>
public sealed class SubmissionFileNameTests
{
    [Theory]
    [InlineData("statement.docx", "PK\u0003\u0004", "statement.docx")]
    [InlineData("C:\\Users\\amina\\Desktop\\Statement (final).docx", "PK\u0003\u0004", "Statement (final).docx")]
    [InlineData("../../etc/passwd", "%PDF-", "passwd.pdf")]
    [InlineData("<script>alert(1)<\\script>.pdf", "%PDF-", "script.pdf")]
    [InlineData("report.html", "%PDF-", "report.pdf")]
    [InlineData("déclaration commune.pdf", "PK\u0003\u0004", "déclaration commune.docx")]
    [InlineData("بيان.docx", "PK\u0003\u0004", "بيان.docx")]
    [InlineData("..", "%PDF-", "statement.pdf")]
    [InlineData("", "%PDF-", "statement.pdf")]
    [InlineData("a\u0000b\r\nc.pdf", "%PDF-", "abc.pdf")]
    public void The_name_keeps_only_a_safe_file_name_with_the_extension_of_its_content(string uploaded, string head, string expected) =>
        Assert.Equal(expected, StatementFileNames.Clean(uploaded, System.Text.Encoding.Latin1.GetBytes(head)));

    [Fact]
    public void A_very_long_name_is_shortened_and_keeps_its_extension()
    {
        var name = StatementFileNames.Clean(new string('x', 500) + ".docx", "PK\u0003\u0004"u8);

        Assert.Equal(StatementFileNames.MaxLength + ".docx".Length, name.Length);
        Assert.EndsWith(".docx", name, StringComparison.Ordinal);
    }
}
