using System.Text;
using MimeKit;
using MimeKit.Utils;
using Sessions.Core.Notices;

namespace Sessions.Web.Infrastructure.Email;

public static class MimeMessages
{
    /// <summary>A multipart/alternative message (plain text and HTML) with a fresh Message-Id.</summary>
    public static MimeMessage Build(OutboundEmail email, string from, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = MimeUtils.GenerateMessageId(from.Contains('@', StringComparison.Ordinal) ? from[(from.LastIndexOf('@') + 1)..].TrimEnd('>', ' ') : "sessions.local"),
            Date = date,
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(Recipient(email));
        message.Headers.Add("X-Sessions-Notice", email.Kind);
        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        if (email.Calendar is { } calendar)
        {
            body.Attachments.Add(CalendarPart(calendar));
        }

        if (email.Attachment is { } document)
        {
            body.Attachments.Add(HtmlPart(email.AttachmentName ?? "document.html", document));
        }

        message.Body = body.ToMessageBody();
        // A Content-* header belongs to the MIME entity: MimeKit writes it in the top-level header block only from there.
        message.Body.Headers.Add(HeaderId.ContentLanguage, email.Language);
        return message;
    }

    /// <summary>An iCalendar attachment (text/calendar; method=PUBLISH), as calendar programs expect it.</summary>
    private static MimePart CalendarPart(string calendar)
    {
        var part = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(calendar))),
            ContentTransferEncoding = ContentEncoding.Base64,
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            FileName = CalendarFileName,
        };
        part.ContentType.Charset = "utf-8";
        part.ContentType.Parameters.Add("method", "PUBLISH");
        return part;
    }

    public const string CalendarFileName = "invitation.ics";

    /// <summary>An HTML document as an attachment (a letter to print), not as the message's own HTML part.</summary>
    private static MimePart HtmlPart(string fileName, string html)
    {
        var part = new MimePart("text", "html")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(html))),
            ContentTransferEncoding = ContentEncoding.Base64,
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            FileName = fileName,
        };
        part.ContentType.Charset = "utf-8";
        return part;
    }

    /// <summary>The recipient, or a permanent failure when the address cannot be an email address (it will never work).</summary>
    private static MailboxAddress Recipient(OutboundEmail email)
    {
        var address = email.ToAddress.Trim();
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.Any(char.IsWhiteSpace) || !MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address)
        {
            throw new EmailDeliveryException($"The address \"{email.ToAddress}\" is not a valid email address.", permanent: true);
        }

        parsed.Name = email.ToName ?? "";
        return parsed;
    }
}
