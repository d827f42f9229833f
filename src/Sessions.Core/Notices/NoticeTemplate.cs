using Sessions.Core.Common;

namespace Sessions.Core.Notices;

/// <summary>A template's text in one language: a subject line and a body of paragraphs separated by blank lines.</summary>
public sealed record NoticeText(string Subject, string Body);

/// <summary>
/// The secretariat's wording of one kind of notice in one language. Where none is saved, the built-in
/// wording is used; where a language has neither, the English one.
/// </summary>
public class NoticeTemplate
{
    private NoticeTemplate()
    {
    }

    public NoticeTemplate(NoticeKind kind, string language, NoticeText text, string byUserId, DateTime at)
    {
        Kind = kind.Key;
        Language = Languages.IsSupported(language) ? language : throw new DomainException("Unknown language: {0}.", language);
        Change(kind, text, byUserId, at);
    }

    public int Id { get; private set; }
    public string Kind { get; private set; } = "";
    public string Language { get; private set; } = Languages.English;
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedByUserId { get; private set; } = "";
    public Guid Version { get; set; } = Guid.NewGuid();

    public NoticeText Text => new(Subject, Body);

    public void Change(NoticeKind kind, NoticeText text, string byUserId, DateTime at)
    {
        NoticeRenderer.Check(kind, text);
        Subject = text.Subject.Trim();
        Body = text.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        UpdatedAt = at;
        UpdatedByUserId = byUserId;
        Version = Guid.NewGuid();
    }
}
