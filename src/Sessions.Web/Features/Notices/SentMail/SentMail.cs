using System.Text.RegularExpressions;
using MimeKit;
using Sessions.Web.Infrastructure;

namespace Sessions.Web.Features.Notices.SentMail;

/// <summary>The latest messages in the pickup folder, with the links they carry, so a developer can follow them.</summary>
public static partial class SentMail
{
    public const int Latest = 50;

    public sealed record Message(string Subject, string To, DateTimeOffset Date, IReadOnlyList<string> Links);

    public sealed record Model(string Folder, IReadOnlyList<Message> Messages);

    public sealed class Handler(DataDirectory dataDirectory)
    {
        public async Task<Model> HandleAsync(CancellationToken cancellationToken)
        {
            var folder = dataDirectory.Combine("mail");
            var messages = new List<Message>();
            if (Directory.Exists(folder))
            {
                // The file names start with the time of sending: the newest sort last.
                foreach (var file in Directory.EnumerateFiles(folder, "*.eml").OrderDescending(StringComparer.Ordinal).Take(Latest))
                {
                    var message = await MimeMessage.LoadAsync(file, cancellationToken);
                    messages.Add(new Message(message.Subject ?? "", string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), message.Date, LinksIn(message)));
                }
            }

            return new Model(folder, messages);
        }

        private static string[] LinksIn(MimeMessage message)
        {
            var text = message.TextBody ?? message.HtmlBody ?? "";
            return Link().Matches(text).Select(m => System.Net.WebUtility.HtmlDecode(m.Value).TrimEnd('.', ',', ')', ';')).Distinct().ToArray();
        }
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Link();
}
