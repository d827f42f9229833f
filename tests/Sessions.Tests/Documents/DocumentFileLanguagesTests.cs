using Sessions.Core.Common;
using Sessions.Core.Documents;

namespace Sessions.Tests.Documents;

public sealed class DocumentFileLanguagesTests
{
    [Theory]
    [InlineData("N2310345_A.pdf", "ar")]
    [InlineData("N2310345_C.pdf", "zh")]
    [InlineData("N2310345_E.pdf", "en")]
    [InlineData("N2310345_F.pdf", "fr")]
    [InlineData("N2310345_R.pdf", "ru")]
    [InlineData("N2310345_S.pdf", "es")]
    [InlineData("HSP-HA.2-4-Add.2_e.PDF", "en")]
    [InlineData("HSP-HA.2-4-Add.2_F.docx", "fr")]
    [InlineData("HSP-HA.2-4-Add.2-R.pdf", "ru")]
    [InlineData("HSP-HA.2-4-Add.2-ZH.pdf", "zh")]
    [InlineData(@"C:\Users\conference\HSP_HA2_1_S.docx", "es")]
    public void A_file_name_ending_with_the_language_says_its_language(string name, string language) =>
        Assert.Equal(language, DocumentFileLanguages.Of(name));

    [Theory]
    [InlineData("HSP-HA.2-4-Add.2.pdf")]
    [InlineData("report_final.pdf")]
    [InlineData("report_X.pdf")]
    [InlineData("report_E.doc")]
    [InlineData("report_E.pdf.exe")]
    [InlineData("reportE.pdf")]
    [InlineData("")]
    public void A_file_name_without_a_language_is_refused_with_the_file_named(string name)
    {
        var refusal = Assert.Throws<DomainException>(() => DocumentFileLanguages.Of(name));
        Assert.Equal(name, refusal.Arguments[0]);
    }

    [Fact]
    public void The_download_name_of_a_version_carries_the_language_back() =>
        Assert.Equal("zh", DocumentFileLanguages.Of(DocumentFileNames.Of("HSP/HA.2/4/Add.2", "zh", "application/pdf")));
}
