using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;

namespace Sessions.Web.Infrastructure.Email;

/// <summary>
/// Writes a notice into the outbox of the current <see cref="SessionsDbContext"/>, in the recipient's
/// language, with a plain-text and an HTML part. Nothing is sent here: the row is saved with the change
/// that caused it, and the sending job delivers it.
/// </summary>
public sealed class NoticeWriter(SessionsDbContext db, NoticeTemplateStore templates, OutboxTrigger trigger, TimeProvider clock)
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
        if (await writer.InsertManyAsync(emails, cancellationToken) > 0)
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
}
