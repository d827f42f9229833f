using MimeKit;
using MimeKit.Utils;
using Sessions.Core.Notices;

namespace Sessions.Web.Infrastructure.Email;

public static class MimeMessages
{
    /// <summary>A multipart/alternative message (plain text and HTML) with a fresh Message-Id.</summary>
    public static MimeMessage Build(OutboundEmail email, string from)
    {
        MailboxAddress to;
        try
        {
            to = new MailboxAddress(email.ToName ?? "", email.ToAddress);
            if (!email.ToAddress.Contains('@', StringComparison.Ordinal))
            {
                throw new ParseException("no @", 0, 0);
            }
        }
        catch (ParseException e)
        {
            throw new EmailDeliveryException($"The address \"{email.ToAddress}\" is not valid.", permanent: true, e);
        }

        var message = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = MimeUtils.GenerateMessageId(from.Contains('@', StringComparison.Ordinal) ? from[(from.LastIndexOf('@') + 1)..].TrimEnd('>', ' ') : "sessions.local"),
            Date = DateTimeOffset.UtcNow,
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(to);
        message.Headers.Add("Content-Language", email.Language);
        message.Headers.Add("X-Sessions-Notice", email.Kind);
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }
}
