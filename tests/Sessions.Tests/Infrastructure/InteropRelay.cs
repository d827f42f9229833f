using MimeKit;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// The independent SMTP server .ci/run starts (Debian's aiosmtpd, STARTTLS required, a self-signed certificate,
/// messages stored in a Maildir), found through SESSIONS_INTEROP_SMTP_HOST, _PORT, _MAILDIR and _THUMBPRINT.
/// </summary>
public sealed record InteropRelay(string Host, int Port, string Maildir, string? Thumbprint)
{
    public const string MissingMessage =
        "No interop SMTP relay: SESSIONS_INTEROP_SMTP_HOST, SESSIONS_INTEROP_SMTP_PORT and SESSIONS_INTEROP_MAILDIR are not set. Run `bash .ci/run --interop` to start Debian's aiosmtpd and run these tests.";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static InteropRelay? FromEnvironment()
    {
        var host = Environment.GetEnvironmentVariable("SESSIONS_INTEROP_SMTP_HOST");
        var port = Environment.GetEnvironmentVariable("SESSIONS_INTEROP_SMTP_PORT");
        var maildir = Environment.GetEnvironmentVariable("SESSIONS_INTEROP_MAILDIR");
        if (string.IsNullOrWhiteSpace(host) || !int.TryParse(port, out var number) || string.IsNullOrWhiteSpace(maildir))
        {
            return null;
        }

        return new InteropRelay(host, number, maildir, Environment.GetEnvironmentVariable("SESSIONS_INTEROP_SMTP_THUMBPRINT"));
    }

    /// <summary>Waits (up to 30 s) for the message the relay stored for <paramref name="address"/>.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            foreach (var file in Directory.Exists(Path.Combine(Maildir, "new")) ? Directory.GetFiles(Path.Combine(Maildir, "new")) : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    return message;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No message to {address} in {Maildir} after 30 s.");
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>A test against the <see cref="InteropRelay"/>: skipped with a clear message where it is not running, except on CI, where it fails.</summary>
public sealed class InteropRelayFactAttribute : FactAttribute
{
    public InteropRelayFactAttribute()
    {
        if (InteropRelay.FromEnvironment() is null && !InteropRelay.IsCi)
        {
            Skip = InteropRelay.MissingMessage;
        }
    }
}
