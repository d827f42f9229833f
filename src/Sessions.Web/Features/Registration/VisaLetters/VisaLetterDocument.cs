using System.Net;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.VisaLetters;

/// <summary>A letter as issued: its language, heading and body (HTML paragraphs rendered from the template).</summary>
public sealed record IssuedLetter(string Language, string Title, string BodyHtml);

/// <summary>The issued letter as a document of its own, attached to the participant's notice.</summary>
public static class VisaLetterDocument
{
    /// <summary>
    /// An HTML document, printable without the site: its print rules are inline. HTML rather than PDF because a browser
    /// prints it as the letter page does, in any script (Arabic, Chinese) without embedding fonts, and it fits in the
    /// outbox row as text.
    /// </summary>
    public static string Html(IssuedLetter letter, string reference)
    {
        var dir = letter.Language == Languages.Arabic ? "rtl" : "ltr";
        return $$"""
            <!DOCTYPE html>
            <html lang="{{letter.Language}}" dir="{{dir}}"><head><meta charset="utf-8"><title>{{WebUtility.HtmlEncode(letter.Title)}} {{WebUtility.HtmlEncode(reference)}}</title>
            <style>
            @page { size: A4; margin: 25mm 20mm; }
            body { font-family: "Times New Roman", serif; font-size: 12pt; line-height: 1.5; max-width: 170mm; margin: 0 auto; color: #000; }
            h1 { font-size: 14pt; text-align: center; margin: 0 0 1.5em; }
            p { margin: 0 0 1em; }
            </style></head>
            <body><article class="visa-letter"><h1>{{WebUtility.HtmlEncode(letter.Title)}}</h1>{{letter.BodyHtml}}</article></body></html>
            """;
    }

    public static string FileName(string reference) =>
        "visa-letter-" + string.Concat(reference.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')) + ".html";

    /// <summary>The paragraphs of a rendered notice, without the document around them.</summary>
    public static string BodyOf(string html)
    {
        const string open = "<body>";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = html.LastIndexOf("</body>", StringComparison.Ordinal);
        return html[start..end];
    }
}
