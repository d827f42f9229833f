using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Sessions.Core.Common;
using Sessions.Core.Statements;
using static Sessions.Tests.Infrastructure.StatementDocumentBuilders;

namespace Sessions.Tests.Statements.Documents;

public sealed class StatementDocumentsTests
{
    private static StatementText ReadDocx(byte[] bytes) => StatementDocuments.Read(new MemoryStream(bytes), StatementDocuments.DocxContentType);

    private static StatementText ReadPdf(byte[] bytes) => StatementDocuments.Read(new MemoryStream(bytes), StatementDocuments.PdfContentType);

    [Fact]
    public void Docx_counts_the_body_a_table_the_footnotes_and_the_endnotes_but_not_the_header()
    {
        var text = ReadDocx(Docx(
            ["The delegation welcomes the report.", "It calls on member States to act."],
            footnote: "See document HSP/HA.2/3, paragraph 12.",
            endnote: "Adopted on 5 June 2025.",
            header: "Header words never count here",
            table: [["Target", "Progress"], ["11.1", "On track"]]));

        Assert.Equal(5 + 7 + 5 + 5 + 5, text.Words);
        Assert.Equal(
            ["The delegation welcomes the report.", "It calls on member States to act.", "Target", "Progress", "11.1", "On track", "See document HSP/HA.2/3, paragraph 12.", "Adopted on 5 June 2025."],
            text.Paragraphs);
        Assert.DoesNotContain("Header", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_counts_arabic_chinese_and_russian_text()
    {
        var text = ReadDocx(Docx("التنمية الحضرية المستدامة للجميع", "人人享有可持续城市", "Устойчивое развитие городов и населённых пунктов"));

        Assert.Equal(4 + 9 + 6, text.Words);
        Assert.Equal("人人享有可持续城市", text.Paragraphs[1]);
    }

    [Fact]
    public void Docx_leaves_out_field_codes_and_deleted_revisions_and_keeps_inserted_ones()
    {
        var body = new OpenXmlElement[]
        {
            new Paragraph(
                new Run(new Text("Kept words") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode(" HYPERLINK \"https://example.org/a/b\" ")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new Text(" link")  { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                new DeletedRun(new Run(new DeletedText(" removed by the author"))) { Id = "1", Author = "A" },
                new InsertedRun(new Run(new Text(" added text") { Space = SpaceProcessingModeValues.Preserve })) { Id = "2", Author = "A" },
                new Run(new TabChar(), new Text("tabbed"))),
        };

        var text = ReadDocx(DocxWithBody(body));

        Assert.Equal(6, text.Words);
        Assert.Equal("Kept words link added text tabbed", text.Text);
    }

    [Fact]
    public void Docx_counts_a_text_box_once_though_it_is_stored_twice()
    {
        const string document = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps">
            <w:body><w:p><w:r><w:t>Before the box</w:t></w:r><w:r><mc:AlternateContent>
            <mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Boxed words three</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>
            <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Boxed words three</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
            </mc:AlternateContent></w:r><w:r><w:t xml:space="preserve"> and after.</w:t></w:r></w:p></w:body></w:document>
            """;
        var entries = Unzip(Docx("placeholder")).Select(e => e.Name == "word/document.xml" ? (e.Name, System.Text.Encoding.UTF8.GetBytes(document)) : e);

        var text = ReadDocx(Zip(entries));

        Assert.Equal(3 + 5, text.Words);
        Assert.Equal(["Boxed words three", "Before the box and after."], text.Paragraphs);
    }

    [Fact]
    public void A_docx_with_only_a_header_contains_no_text()
    {
        var refused = Assert.Throws<DomainException>(() => ReadDocx(Docx([" ", "–"], null, null, "Only the header has words")));

        Assert.Equal("The document contains no text.", refused.Message);
    }

    [Fact]
    public void Pdf_counts_the_words_of_every_page()
    {
        var text = ReadPdf(Pdf(pages: 3, wordsPerPage: 150));

        Assert.Equal(450, text.Words);
        Assert.StartsWith("the delegation welcomes report", text.Text, StringComparison.Ordinal);
        Assert.Contains("commitment", text.Paragraphs[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_keeps_each_page_apart_and_counts_punctuated_words_as_words()
    {
        var text = ReadPdf(Pdf("First page: e-mail, 2,000 people - and more.", "Second page"));

        Assert.Equal(7 + 2, text.Words);
        Assert.Equal(2, text.Paragraphs.Count);
    }

    [Fact]
    public void A_pdf_without_text_contains_no_text()
    {
        var refused = Assert.Throws<DomainException>(() => ReadPdf(Pdf(pages: 2, wordsPerPage: 0)));

        Assert.Equal("The document contains no text.", refused.Message);
    }

    [Fact]
    public void Pasted_text_is_split_into_paragraphs_on_blank_lines()
    {
        var text = StatementDocuments.FromPastedText("  First paragraph,\r\nsecond line.  \r\n\r\n \r\n\tSecond – paragraph \n\n\n");

        Assert.Equal(["First paragraph,\nsecond line.", "Second – paragraph"], text.Paragraphs);
        Assert.Equal(6, text.Words);
        Assert.Equal("First paragraph,\nsecond line.\n\nSecond – paragraph", text.Text);
    }

    [Fact]
    public void Pasted_text_without_words_is_refused()
    {
        Assert.Equal("The pasted text is empty.", Assert.Throws<DomainException>(() => StatementDocuments.FromPastedText(" \n\n – \n")).Message);
    }

    [Fact]
    public void An_unknown_content_type_is_not_a_statement_document()
    {
        var refused = Assert.Throws<DomainException>(() => StatementDocuments.Read(new MemoryStream("hello"u8.ToArray()), "text/html"));

        Assert.Equal("The file is not a Word (DOCX) or PDF document.", refused.Message);
    }

    private static List<(string Name, byte[] Content)> Unzip(byte[] zip)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        return archive.Entries.Select(entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (entry.FullName, copy.ToArray());
        }).ToList();
    }
}
