using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// Written statements to upload or read, built in memory with a known word count: Word documents made with the
/// Open XML SDK, PDFs made with PdfPig's builder (Helvetica, Latin text only), and raw zip archives.
/// </summary>
public static class StatementDocumentBuilders
{
    private static readonly string[] _vocabulary =
    [
        "the", "delegation", "welcomes", "report", "of", "secretariat", "on", "sustainable", "urbanisation",
        "housing", "resilience", "member", "states", "cities", "adequate", "commitment", "progress", "review",
    ];

    /// <summary><paramref name="count"/> words of plain Latin text separated by single spaces.</summary>
    public static string Words(int count, int offset = 0) =>
        string.Join(' ', Enumerable.Range(offset, count).Select(i => _vocabulary[i % _vocabulary.Length]));

    /// <summary>A Word document whose body holds one paragraph per string.</summary>
    public static byte[] Docx(params string[] paragraphs) => Docx(paragraphs, null, null, null);

    /// <summary>
    /// A Word document with body paragraphs, optionally a table (rows of cell texts), one footnote and one endnote
    /// referenced from the last body paragraph, and a default header.
    /// </summary>
    public static byte[] Docx(IReadOnlyList<string> body, string? footnote, string? endnote, string? header, IReadOnlyList<IReadOnlyList<string>>? table = null)
    {
        var elements = new List<OpenXmlElement>(body.Select(Paragraph));
        if (table is not null)
        {
            elements.Add(new Table(table.Select(row => new TableRow(row.Select(cell => new TableCell(Paragraph(cell)))))));
        }

        var notes = new Paragraph();
        if (footnote is not null)
        {
            notes.Append(new Run(new FootnoteReference { Id = 1 }));
        }

        if (endnote is not null)
        {
            notes.Append(new Run(new EndnoteReference { Id = 1 }));
        }

        elements.Add(notes);
        return DocxWithBody(elements, footnote, endnote, header);
    }

    /// <summary>A Word document whose body holds the given markup (for revisions, fields, text boxes and such).</summary>
    public static byte[] DocxWithBody(IEnumerable<OpenXmlElement> bodyElements, string? footnote = null, string? endnote = null, string? header = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(bodyElements);
            var section = new SectionProperties();
            if (header is not null)
            {
                var headerPart = main.AddNewPart<HeaderPart>();
                headerPart.Header = new Header(Paragraph(header));
                section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(headerPart) });
            }

            body.Append(section);
            main.Document = new Document(body);
            if (footnote is not null)
            {
                main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes(
                    new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
                    new Footnote(new Paragraph(new Run(new FootnoteReferenceMark()), new Run(new Text(" " + footnote) { Space = SpaceProcessingModeValues.Preserve }))) { Id = 1 });
            }

            if (endnote is not null)
            {
                main.AddNewPart<EndnotesPart>().Endnotes = new Endnotes(
                    new Endnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Endnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 },
                    new Endnote(new Paragraph(new Run(new EndnoteReferenceMark()), new Run(new Text(" " + endnote) { Space = SpaceProcessingModeValues.Preserve }))) { Id = 1 });
            }
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph of one run holding <paramref name="text"/>.</summary>
    public static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    /// <summary>A PDF of <paramref name="pages"/> pages of <paramref name="wordsPerPage"/> words each (see <see cref="Words"/>).</summary>
    public static byte[] Pdf(int pages, int wordsPerPage) =>
        Pdf(Enumerable.Range(0, pages).Select(page => Words(wordsPerPage, page * wordsPerPage)).ToArray());

    /// <summary>A PDF with one page per string, wrapped into lines of at most twelve words (WinAnsi characters only).</summary>
    public static byte[] Pdf(params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var y = 800.0;
            foreach (var line in words.Chunk(12))
            {
                page.AddText(string.Join(' ', line), 10, new PdfPoint(40, y), font);
                y -= 14;
            }
        }

        return builder.Build();
    }

    /// <summary>A zip archive of the given entries (an .xlsx-like package, a zip bomb, ...).</summary>
    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }
}
