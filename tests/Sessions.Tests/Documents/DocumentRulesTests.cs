using Sessions.Core.Common;
using Sessions.Core.Documents;

namespace Sessions.Tests.Documents;

public sealed class DocumentRulesTests
{
    private static SessionDocument Document(string symbol = "HSP/HA.2/4/Add.2") =>
        new(1, "HSP/HA.2", symbol, DocumentKind.PreSession, new TranslatedText("Cooperation with partners", Languages.English), DateTime.UtcNow);

    [Theory]
    [InlineData("HSP/HA.2/4/Add.2")]
    [InlineData("HSP/HA.2/INF/1")]
    [InlineData("HSP/HA.2/L.3")]
    [InlineData("HSP/HA.2/CRP.1")]
    [InlineData("  HSP/HA.2/1/Add.1 ")]
    public void A_symbol_that_continues_the_session_s_is_taken_as_typed_without_spaces(string symbol)
    {
        Assert.Equal(symbol.Trim(), Document(symbol).Symbol);
    }

    [Theory]
    [InlineData("HSP/HA.1/4")]
    [InlineData("HSP/HA.2")]
    [InlineData("HSP/HA.2/")]
    [InlineData("HSP/HA.21/4")]
    [InlineData("HSP/HA.2/4 Add.2")]
    [InlineData("HSP/HA.2//4")]
    [InlineData("hsp/ha.2/4")]
    public void A_symbol_outside_the_session_s_prefix_is_refused(string symbol)
    {
        var error = Assert.Throws<DomainException>(() => Document(symbol));
        Assert.StartsWith("A document symbol of this session starts with {0}/", error.Message);
        Assert.Equal("HSP/HA.2", Assert.Single(error.Arguments));
    }

    [Fact]
    public void A_replaced_language_version_takes_the_next_revision_and_the_earlier_file_stays()
    {
        var document = Document();
        document.AddFile(Languages.English, Guid.NewGuid(), null, DateTime.UtcNow);
        document.AddFile(Languages.Chinese, Guid.NewGuid(), null, DateTime.UtcNow);
        var replacement = document.AddFile(Languages.English, Guid.NewGuid(), null, DateTime.UtcNow);

        Assert.Equal(2, replacement.Revision);
        Assert.Equal(3, document.Files.Count);
        Assert.Equal([Languages.Chinese, Languages.English], document.CurrentFiles.Select(f => f.Language));
        Assert.Same(replacement, document.CurrentFiles.Single(f => f.Language == Languages.English));
        Assert.Equal([Languages.Arabic, Languages.French, Languages.Russian, Languages.Spanish], document.MissingLanguages);
    }

    [Fact]
    public void A_document_without_a_date_of_distribution_is_a_draft()
    {
        var document = Document();
        Assert.True(document.IsDraft);
        document.Distribute(new DateOnly(2023, 4, 12));
        Assert.False(document.IsDraft);
    }

    [Fact]
    public void Issuing_under_agenda_items_keeps_each_once_and_drops_the_others()
    {
        var document = Document();
        document.IssueUnder([7, 7, 3]);
        document.IssueUnder([7, 9]);
        Assert.Equal([7, 9], document.AgendaItems.Select(a => a.AgendaItemId).Order());
    }

    [Fact]
    public void A_download_is_named_by_symbol_and_language()
    {
        Assert.Equal("HSP-HA.2-4-Add.2-ZH.pdf", DocumentFileNames.Of("HSP/HA.2/4/Add.2", Languages.Chinese, "application/pdf"));
        Assert.Equal("HSP-HA.2-INF-1-AR.docx", DocumentFileNames.Of("HSP/HA.2/INF/1", Languages.Arabic, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }
}
