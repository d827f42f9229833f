using System.Text.RegularExpressions;
using MimeKit;

namespace Sessions.Tests.Infrastructure;

public static partial class EmailLinks
{
    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Url();

    /// <summary>The path and query of the first link in the message's text part that goes to <paramref name="path"/>.</summary>
    public static string LinkTo(this MimeMessage message, string path)
    {
        var link = Url().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path)
            ?? throw new InvalidOperationException($"No link to {path} in the message \"{message.Subject}\":\n{message.TextBody}");
        return link.PathAndQuery;
    }
}
