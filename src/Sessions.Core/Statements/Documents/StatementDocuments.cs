using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Sessions.Core.Common;
using Sessions.Core.Files;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Sessions.Core.Statements;

/// <summary>
/// Reads the text of a statement from its DOCX or PDF file. A DOCX passes <see cref="OfficePackage.Check"/>
/// before the Open XML SDK sees it.
/// </summary>
public static class StatementDocuments
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfContentType = "application/pdf";

    /// <summary>The largest statement file accepted, at upload (<c>UploadRule.StatementDocument</c>) and when read.</summary>
    public const long MaxDocumentBytes = 10L * 1024 * 1024;

    private const string WordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private const string NotAStatementDocument = "The file is not a Word (DOCX) or PDF document.";
    private const string Unreadable = "The document could not be read. It may be damaged or protected by a password.";

    private static readonly string[] _wordMainContentTypes =
    [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    ];

    /// <summary>
    /// Reads a stored file's content (<paramref name="contentType"/> is <c>StoredFile.ContentType</c>, sniffed at
    /// upload). DOCX: the main document body, footnotes and endnotes, paragraph by paragraph, tables and text boxes
    /// included; not headers or footers, field codes, deleted or moved-away revisions. PDF: the text of every page.
    /// Throws a <see cref="DomainException"/> for anything unreadable or unsafe, or without text.
    /// </summary>
    public static StatementText Read(Stream content, string contentType)
    {
        var paragraphs = contentType switch
        {
            DocxContentType => ReadDocx(content),
            PdfContentType => ReadPdf(content),
            _ => throw new DomainException(NotAStatementDocument),
        };

        var text = StatementText.Of(paragraphs);
        if (text.Words == 0)
        {
            throw new DomainException("The document contains no text.");
        }

        return text;
    }

    /// <summary>Pasted text: paragraphs are separated by blank lines and trimmed; line breaks inside one are kept.</summary>
    public static StatementText FromPastedText(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Split('\n')
            .Aggregate(new List<List<string>> { new() }, (blocks, line) =>
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    if (blocks[^1].Count > 0)
                    {
                        blocks.Add([]);
                    }
                }
                else
                {
                    blocks[^1].Add(line.Trim());
                }

                return blocks;
            })
            .Where(block => block.Count > 0)
            .Select(block => string.Join("\n", block))
            .ToList();

        var result = StatementText.Of(paragraphs);
        if (result.Words == 0)
        {
            throw new DomainException("The pasted text is empty.");
        }

        return result;
    }

    private static MemoryStream Buffer(Stream content)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                throw new DomainException("The file is larger than {0} MB.", MaxDocumentBytes / (1024 * 1024));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new DomainException("The file is empty.");
        }

        buffer.Position = 0;
        return buffer;
    }

    private static List<string> ReadDocx(Stream content)
    {
        using var buffer = Buffer(content);
        if (!IsWordPackage(buffer))
        {
            throw new DomainException(NotAStatementDocument);
        }

        buffer.Position = 0;
        try
        {
            using var document = WordprocessingDocument.Open(buffer, false);
            var main = document.MainDocumentPart ?? throw new DomainException(NotAStatementDocument);
            var paragraphs = new List<string>();
            if (main.Document?.Body is { } body)
            {
                Collect(body, paragraphs, null);
            }

            foreach (var footnote in main.FootnotesPart?.Footnotes?.Elements<Footnote>() ?? [])
            {
                if (footnote.Type is null || footnote.Type.Value == FootnoteEndnoteValues.Normal)
                {
                    Collect(footnote, paragraphs, null);
                }
            }

            foreach (var endnote in main.EndnotesPart?.Endnotes?.Elements<Endnote>() ?? [])
            {
                if (endnote.Type is null || endnote.Type.Value == FootnoteEndnoteValues.Normal)
                {
                    Collect(endnote, paragraphs, null);
                }
            }

            return paragraphs;
        }
        catch (Exception e) when (e is not DomainException)
        {
            // The SDK, System.IO.Packaging and XmlReader each throw their own kinds for a damaged package.
            throw new DomainException(Unreadable);
        }
    }

    /// <summary>
    /// Whether a file that starts like a zip archive is a real Word package, unpacked once under <see cref="OfficePackage"/>'s
    /// limits (a damaged archive or a zip bomb is refused with a <see cref="DomainException"/>). Leaves the stream open.
    /// </summary>
    public static bool IsWordPackage(Stream package) =>
        OfficePackage.Declares(OfficePackage.Check(package, Unreadable), _wordMainContentTypes);

    /// <summary>
    /// Walks the markup in document order: each paragraph becomes one entry (a paragraph inside a text box
    /// becomes its own). Only visible text counts: field codes, deleted and moved-away runs, and the fallback
    /// copy of alternate content are skipped. Elements are matched by name, not by SDK type, because markup the
    /// SDK does not know (a text box inside a drawing it cannot type) is loaded as unknown elements.
    /// </summary>
    private static void Collect(OpenXmlElement element, List<string> paragraphs, StringBuilder? current)
    {
        foreach (var child in element.ChildElements)
        {
            if (child.NamespaceUri == MarkupCompatibility && child.LocalName == "Fallback")
            {
                continue;
            }

            if (child.NamespaceUri != WordMain)
            {
                Collect(child, paragraphs, current);
                continue;
            }

            switch (child.LocalName)
            {
                case "p":
                    var text = new StringBuilder();
                    Collect(child, paragraphs, text);
                    var trimmed = text.ToString().Trim();
                    if (trimmed.Length > 0)
                    {
                        paragraphs.Add(trimmed);
                    }

                    break;
                case "t":
                    current?.Append(child.InnerText);
                    break;
                case "tab" or "br" or "cr" or "ptab":
                    current?.Append(' ');
                    break;
                case "noBreakHyphen":
                    current?.Append('-');
                    break;
                case "del" or "moveFrom" or "instrText" or "delText" or "delInstrText" or "pPr" or "rPr":
                    break;
                default:
                    Collect(child, paragraphs, current);
                    break;
            }
        }
    }

    private static List<string> ReadPdf(Stream content)
    {
        using var buffer = Buffer(content);
        try
        {
            using var document = PdfDocument.Open(buffer.ToArray());
            var paragraphs = new List<string>();
            var options = new ContentOrderTextExtractor.Options { SeparateParagraphsWithDoubleNewline = true, ReplaceWhitespaceWithSpace = true };
            foreach (var page in document.GetPages())
            {
                var text = ContentOrderTextExtractor.GetText(page, options);
                paragraphs.AddRange(text.Replace("\r\n", "\n", StringComparison.Ordinal)
                    .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(paragraph => paragraph.Length > 0));
            }

            return paragraphs;
        }
        catch (Exception e) when (e is not DomainException)
        {
            // PdfPig throws many kinds (format, encryption, out-of-range reads) for a damaged or protected file.
            throw new DomainException(Unreadable);
        }
    }
}
