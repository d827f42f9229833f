using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Infrastructure.Email;

/// <summary>A notice to write: localiser keys for its subject and paragraphs, with their arguments.</summary>
public sealed record Notice(string Kind, string SubjectKey, IReadOnlyList<string> ParagraphKeys, object[] Arguments)
{
    /// <summary>An optional call to action: the link and the localiser key of its label.</summary>
    public (string Url, string LabelKey)? Link { get; init; }
}

/// <summary>
/// Writes a notice into the outbox of the current <see cref="SessionsDbContext"/>, in the recipient's
/// language, with a plain-text and an HTML part. Nothing is sent here: the row is saved with the change
/// that caused it, and the sending job delivers it.
/// </summary>
public sealed class NoticeWriter(SessionsDbContext db, IStringLocalizer<Text> t, NoticeTemplateStore templates, OutboxTrigger trigger, TimeProvider clock)
{
    /// <summary>
    /// Queues a notice of <paramref name="kind"/> for one recipient, rendered from its template in the
    /// recipient's language (English where the template has none) with <paramref name="values"/>.
    /// </summary>
    public OutboundEmail Queue(string toAddress, string? toName, string? language, NoticeKind kind, NoticeValues values)
    {
        var email = Render(toAddress, toName, language, kind, values);
        db.OutboundEmails.Add(email);
        return email;
    }

    /// <summary>
    /// Writes rows made by <see cref="Render"/> straight to the outbox table, with one prepared INSERT and
    /// no change tracking: for notices to thousands of recipients. Must run inside the caller's transaction
    /// (<c>db.Database.BeginTransactionAsync()</c>), so the rows stand or fall with the change that causes
    /// them; the sending job is queued when it commits.
    /// </summary>
    public async Task InsertManyAsync(IEnumerable<OutboundEmail> emails, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Bulk notices are written inside a transaction.");
        using var writer = new TableWriter<OutboundEmail>(db, db.Database.GetDbConnection()) { Transaction = transaction.GetDbTransaction() };
        var any = false;
        foreach (var email in emails)
        {
            await writer.InsertAsync(email, cancellationToken);
            any = true;
        }

        if (any)
        {
            trigger.RowsWritten(db);
        }
    }

    /// <summary>The outbox row <see cref="Queue(string, string?, string?, NoticeKind, NoticeValues)"/> would add, not added: for writers that insert rows in bulk.</summary>
    public OutboundEmail Render(string toAddress, string? toName, string? language, NoticeKind kind, NoticeValues values)
    {
        var lang = Languages.OrDefault(language);
        var rendered = NoticeRenderer.Render(templates.Resolve(db, kind, lang), lang, toAddress, toName, values);
        return new OutboundEmail(toAddress, toName, lang, kind.Key, rendered.Subject, rendered.Text, rendered.Html, clock.GetUtcNow().UtcDateTime);
    }

    // Escapes markup but keeps every script readable in the HTML source (no &#233; for é).
    private static readonly HtmlEncoder _html = HtmlEncoder.Create(UnicodeRanges.All);

    public OutboundEmail Queue(string toAddress, string? toName, string? language, Notice notice)
    {
        var lang = Languages.OrDefault(language);
        var (previousCulture, previousUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(lang);
            var subject = t[notice.SubjectKey, notice.Arguments].Value;
            var greeting = string.IsNullOrWhiteSpace(toName) ? t["Hello,"].Value : t["Dear {0},", toName].Value;
            var paragraphs = notice.ParagraphKeys.Select(key => t[key, notice.Arguments].Value).ToList();
            var signature = t["The secretariat"].Value;

            var text = new StringBuilder().AppendLine(greeting).AppendLine();
            var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{lang}\" dir=\"{(lang == Languages.Arabic ? "rtl" : "ltr")}\"><body>");
            html.Append("<p>").Append(_html.Encode(greeting)).Append("</p>");
            foreach (var paragraph in paragraphs)
            {
                text.AppendLine(paragraph).AppendLine();
                html.Append("<p>").Append(_html.Encode(paragraph)).Append("</p>");
            }

            if (notice.Link is { } link)
            {
                var label = t[link.LabelKey].Value;
                text.AppendLine($"{label}: {link.Url}").AppendLine();
                html.Append("<p><a href=\"").Append(_html.Encode(link.Url)).Append("\">").Append(_html.Encode(label)).Append("</a></p>");
            }

            text.AppendLine(signature);
            html.Append("<p>").Append(_html.Encode(signature)).Append("</p></body></html>");

            var email = new OutboundEmail(toAddress, toName, lang, notice.Kind, subject, text.ToString(), html.ToString(), clock.GetUtcNow().UtcDateTime);
            db.OutboundEmails.Add(email);
            return email;
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUiCulture;
        }
    }
}
