using MimeKit;

namespace Sessions.Tests.Infrastructure;

/// <summary>Reads the messages the app wrote to its pickup folder (mail/ in the data directory).</summary>
public static class Mailbox
{
    /// <summary>Waits (up to 20 s) for a message to <paramref name="address"/> matching <paramref name="match"/>.</summary>
    public static async Task<MimeMessage> WaitForMessageAsync(this SessionsAppFactory factory, string address, Func<MimeMessage, bool>? match = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = factory.Messages().FirstOrDefault(m =>
                m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)) && (match is null || match(m)));
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No message to {address} arrived in {factory.MailFolder}.");
            }

            await Task.Delay(100);
        }
    }

    public static IReadOnlyList<MimeMessage> Messages(this SessionsAppFactory factory) =>
        Directory.Exists(factory.MailFolder)
            ? Directory.EnumerateFiles(factory.MailFolder, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList()
            : [];
}
