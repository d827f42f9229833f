using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Sessions.Core.Common;

namespace Sessions.Core.Notices;

/// <summary>A notice ready for the outbox: its subject and its plain-text and HTML parts.</summary>
public sealed record RenderedNotice(string Subject, string Text, string Html);

/// <summary>
/// Turns a template into a message for one recipient. Placeholders are written <c>{Name}</c>; paragraphs
/// are separated by a blank line. Pure: the same template and values give the same message.
/// </summary>
public static partial class NoticeRenderer
{
    // Escapes markup but keeps every script readable in the HTML source (no &#233; for é).
    private static readonly HtmlEncoder _html = HtmlEncoder.Create(UnicodeRanges.All);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex ParagraphBreak();

    /// <summary>The placeholders a text names, in order of first appearance.</summary>
    public static IReadOnlyList<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The placeholders of <paramref name="text"/> that <paramref name="kind"/> does not know.</summary>
    public static IReadOnlyList<string> Unknown(NoticeKind kind, NoticeText text) =>
        Placeholders(text.Subject + "\n" + text.Body).Where(p => !kind.Allows(p)).ToList();

    /// <summary>Refuses a template without a subject or body, or one naming a placeholder its kind does not have.</summary>
    public static void Check(NoticeKind kind, NoticeText text)
    {
        if (string.IsNullOrWhiteSpace(text.Subject))
        {
            throw new DomainException("A notice needs a subject.");
        }

        if (text.Subject.Contains('\n', StringComparison.Ordinal))
        {
            throw new DomainException("The subject must be a single line.");
        }

        if (string.IsNullOrWhiteSpace(text.Body))
        {
            throw new DomainException("A notice needs a text.");
        }

        var unknown = Unknown(kind, text);
        if (unknown.Count > 0)
        {
            throw new DomainException("Unknown placeholder: {0}. This notice can use: {1}.", string.Join(", ", unknown.Select(p => $"{{{p}}}")), string.Join(", ", kind.Allowed.Select(p => $"{{{p}}}")));
        }
    }

    /// <summary>
    /// The message for one recipient, in <paramref name="language"/>. {RecipientName} and {RecipientEmail} are
    /// filled from the recipient (the address stands in for a missing name); a placeholder without a value
    /// is left as written, so a mistake shows instead of vanishing.
    /// </summary>
    public static RenderedNotice Render(NoticeText template, string language, string toAddress, string? toName, NoticeValues values)
    {
        var lang = Languages.OrDefault(language);
        var culture = CultureInfo.GetCultureInfo(lang);
        var recipient = new NoticeValues
        {
            { "RecipientName", string.IsNullOrWhiteSpace(toName) ? toAddress : toName.Trim() },
            { "RecipientEmail", toAddress },
        };
        var all = values.With(recipient);

        var subject = PlaceholderPattern().Replace(template.Subject, m => all.TryGetValue(m.Groups[1].Value, out var v) ? OneLine(v.Format(culture)) : m.Value);

        var text = new StringBuilder();
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{lang}\" dir=\"{(lang == Languages.Arabic ? "rtl" : "ltr")}\"><head><meta charset=\"utf-8\"><title>")
            .Append(_html.Encode(subject)).Append("</title></head><body>");
        foreach (var paragraph in ParagraphBreak().Split(template.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()))
        {
            if (paragraph.Length == 0)
            {
                continue;
            }

            html.Append("<p>");
            var at = 0;
            foreach (Match m in PlaceholderPattern().Matches(paragraph))
            {
                Literal(paragraph[at..m.Index]);
                if (all.TryGetValue(m.Groups[1].Value, out var value))
                {
                    var formatted = value.Format(culture);
                    text.Append(formatted);
                    if (value is NoticeValue.Link link)
                    {
                        html.Append("<a href=\"").Append(_html.Encode(link.Url)).Append("\">").Append(_html.Encode(link.Url)).Append("</a>");
                    }
                    else if (value is NoticeValue.Listing listing)
                    {
                        html.Append(string.Join("<br>", listing.Lines.Select(l => Anchor(l, lang))));
                    }
                    else
                    {
                        html.Append(Lines(formatted));
                    }
                }
                else
                {
                    Literal(m.Value);
                }

                at = m.Index + m.Length;
            }

            Literal(paragraph[at..]);
            html.Append("</p>");
            text.Append("\n\n");
        }

        html.Append("</body></html>");
        return new RenderedNotice(subject, text.ToString().TrimEnd() + "\n", html.ToString());

        void Literal(string part)
        {
            text.Append(part);
            html.Append(Lines(part));
        }
    }

    private static string Anchor(NoticeValue.ListingLine line, string language)
    {
        var marked = line.Language == language ? "" : $" lang=\"{line.Language}\" dir=\"{(line.Language == Languages.Arabic ? "rtl" : "ltr")}\"";
        return $"<a href=\"{_html.Encode(line.Url)}\"{marked}>{_html.Encode(line.Text)}</a>";
    }

    private static string Lines(string part) => _html.Encode(part).Replace("&#xA;", "<br>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    private static string OneLine(string value) => value.ReplaceLineEndings(" ");
}
