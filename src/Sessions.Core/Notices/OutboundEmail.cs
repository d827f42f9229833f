namespace Sessions.Core.Notices;

public enum DeliveryStatus
{
    Pending = 1,
    Sending = 2,
    Sent = 3,
    Failed = 4,
}

/// <summary>
/// One message in the outbox. It is written in the same SaveChanges as the change that causes it,
/// so a notice is never lost; the sending job claims it (Sending, with a lease) before it sends it,
/// so it is never sent twice.
/// </summary>
public class OutboundEmail
{
    private OutboundEmail()
    {
    }

    public OutboundEmail(string toAddress, string? toName, string language, string kind, string subject, string textBody, string htmlBody, DateTime createdAt)
    {
        ToAddress = toAddress;
        ToName = toName;
        Language = language;
        Kind = kind;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Status = DeliveryStatus.Pending;
    }

    public long Id { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Language { get; private set; } = "en";

    /// <summary>What the notice is about, e.g. "account.confirm"; used to filter the delivery log.</summary>
    public string Kind { get; private set; } = "";

    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public string? MessageId { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SentAt { get; set; }

    /// <summary>The bulk notice (<see cref="NoticeCampaign"/>) this message belongs to, if any.</summary>
    public int? CampaignId { get; private set; }

    /// <summary>An iCalendar (RFC 5545) text attached to the message as a .ics file, if any.</summary>
    public string? Calendar { get; private set; }

    /// <summary>
    /// An HTML document attached to the message under <see cref="AttachmentName"/> (a visa support letter), if any. Kept in
    /// the row itself, like <see cref="Calendar"/>: the attachment is saved with the change that caused the notice, and a
    /// retry or a resend sends the very same document.
    /// </summary>
    public string? Attachment { get; private set; }

    public string? AttachmentName { get; private set; }

    public OutboundEmail WithAttachment(string fileName, string html)
    {
        AttachmentName = fileName;
        Attachment = html;
        return this;
    }

    /// <summary>The attachment held personal data that is now erased: the row keeps that there was one, by its name.</summary>
    public void EraseAttachment() => Attachment = null;

    /// <summary>Marks the row as part of a campaign, with the calendar it carries.</summary>
    public OutboundEmail InCampaign(int campaignId, string? calendar)
    {
        CampaignId = campaignId;
        Calendar = calendar;
        return this;
    }
}
