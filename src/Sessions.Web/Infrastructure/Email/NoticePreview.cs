namespace Sessions.Web.Infrastructure.Email;

/// <summary>A rendered notice as the previews show it (Features/Shared/_RenderedNotice.cshtml).</summary>
public sealed record NoticePreview(string ToAddress, string Language, string Subject, string Text, string Html, bool HasCalendar = false)
{
    /// <summary>What is inside the HTML part's body, to show within the page.</summary>
    public string HtmlBody
    {
        get
        {
            var start = Html.IndexOf("<body>", StringComparison.Ordinal);
            var end = Html.LastIndexOf("</body>", StringComparison.Ordinal);
            return start < 0 || end < start ? Html : Html[(start + "<body>".Length)..end];
        }
    }
}
