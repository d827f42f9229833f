namespace Sessions.Core.Notices;

/// <summary>A campaign's wording in one language.</summary>
public class NoticeCampaignText
{
    private NoticeCampaignText()
    {
    }

    internal NoticeCampaignText(string language, NoticeText text)
    {
        Language = language;
        Change(text);
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public string Language { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";

    public NoticeText Text => new(Subject, Body);

    internal void Change(NoticeText text)
    {
        Subject = text.Subject;
        Body = text.Body;
    }
}
