using Sessions.Core.Files;

namespace Sessions.Tests.Files;

public sealed class UploadedFileNameTests
{
    [Theory]
    [InlineData(@"..\..\Windows\System32\letter.pdf", "letter.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\focal point\\Desktop\\Note verbale.pdf", "Note verbale.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("\u2066report\u2069\u200B\u200E.pdf", "report.pdf")]
    [InlineData("let\0ter\r\n.pdf", "letter.pdf")]
    [InlineData("two\u00A0\u3000 spaces.pdf", "two spaces.pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.pdf", "abcdefgh.pdf")]
    [InlineData("  ...hidden.pdf.  ", "hidden.pdf")]
    [InlineData("our \\\"list\\\".csv", "our list.csv")]
    public void Path_parts_control_bidi_and_refused_characters_are_stripped(string uploaded, string clean)
    {
        Assert.Equal(clean, UploadedFileName.Clean(uploaded));
    }

    [Theory]
    [InlineData("رسالة التفويض.pdf")]
    [InlineData("全权证书.pdf")]
    [InlineData("Верительная грамота.pdf")]
    [InlineData("Lettre de créance – délégation.pdf")]
    [InlineData("नामांकन पत्र.pdf")]
    [InlineData("می‌خواهم.pdf")]
    [InlineData("👍 ok.pdf")]
    public void Letters_of_every_script_are_kept(string uploaded)
    {
        Assert.Equal(uploaded, UploadedFileName.Clean(uploaded));
    }

    [Fact]
    public void A_decomposed_accent_is_composed()
    {
        Assert.Equal("Soci\u00E9t\u00E9.pdf", UploadedFileName.Clean("Socie\u0301te\u0301.pdf"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("..\\..\\")]
    [InlineData("\u202E\0..")]
    public void Nothing_left_gives_the_fallback(string? uploaded)
    {
        Assert.Equal("document", UploadedFileName.Clean(uploaded, "document"));
    }

    [Fact]
    public void A_long_name_is_cut_keeping_its_extension_and_whole_characters()
    {
        Assert.Equal(new string('a', 196) + ".pdf", UploadedFileName.Clean(new string('a', 300) + ".pdf"));
        Assert.Equal(new string('a', 195) + ".pdf", UploadedFileName.Clean(new string('a', 195) + "😀😀.pdf"));
    }

    [Fact]
    public void An_unpaired_surrogate_is_dropped()
    {
        Assert.Equal("ab.pdf", UploadedFileName.Clean("a\uD83Db.pdf"));
    }
}
