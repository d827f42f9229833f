using Sessions.Core.Statements;

namespace Sessions.Core.Documents;

/// <summary>
/// How a language version is named when downloaded or put in a ZIP: its symbol and its language, never what the uploaded
/// file was called ("HSP/HA.2/4/Add.2" in Chinese as a PDF is "HSP-HA.2-4-Add.2-ZH.pdf").
/// </summary>
public static class DocumentFileNames
{
    public static string Of(string symbol, string language, string contentType)
    {
        var format = contentType == StatementDocuments.DocxContentType ? StatementFormat.Docx : StatementFormat.Pdf;
        var name = IssuedDocumentFiles.FileName(symbol, format);
        var extension = IssuedDocumentFiles.Extension(format);
        return name[..^extension.Length] + "-" + language.ToUpperInvariant() + extension;
    }

    /// <summary>The ZIP of a session's documents in one language: "HSP/HA.2" in Chinese is "HSP-HA.2-documents-ZH.zip".</summary>
    public static string ZipOf(string sessionSymbol, string language)
    {
        var name = IssuedDocumentFiles.FileName(sessionSymbol, StatementFormat.Text);
        return name[..^IssuedDocumentFiles.Extension(StatementFormat.Text).Length] + "-documents-" + language.ToUpperInvariant() + ".zip";
    }
}
