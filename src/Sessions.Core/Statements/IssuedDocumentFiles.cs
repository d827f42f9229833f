using System.Text;

namespace Sessions.Core.Statements;

/// <summary>
/// How an issued statement is offered for download: named after its symbol (never after what the submitter's file was
/// called), with the content type of its format; pasted text goes out as UTF-8 plain text.
/// </summary>
public static class IssuedDocumentFiles
{
    public const string DocxContentType = StatementDocuments.DocxContentType;
    public const string PdfContentType = StatementDocuments.PdfContentType;
    public const string TextContentType = "text/plain; charset=utf-8";

    /// <summary>"HSP/HA.2/NGO/3" as a DOCX is "HSP-HA.2-NGO-3.docx": only ASCII letters, digits and . - _ ( ) survive, never "..".</summary>
    public static string FileName(string symbol, StatementFormat format)
    {
        var name = new StringBuilder(symbol.Length);
        foreach (var c in symbol)
        {
            name.Append(c switch
            {
                '/' or '\\' => '-',
                _ when char.IsWhiteSpace(c) => '-',
                _ when char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '(' or ')' => c,
                _ => '_',
            });
        }

        var stem = name.ToString();
        while (stem.Contains("..", StringComparison.Ordinal))
        {
            stem = stem.Replace("..", ".", StringComparison.Ordinal);
        }

        stem = stem.Trim('.', '-', '_');
        return (stem.Length == 0 ? "statement" : stem) + Extension(format);
    }

    public static string Extension(StatementFormat format) => format switch
    {
        StatementFormat.Docx => ".docx",
        StatementFormat.Pdf => ".pdf",
        _ => ".txt",
    };

    public static string ContentType(StatementFormat format) => format switch
    {
        StatementFormat.Docx => DocxContentType,
        StatementFormat.Pdf => PdfContentType,
        _ => TextContentType,
    };
}
