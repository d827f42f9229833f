namespace Sessions.Web.Infrastructure.Email;

/// <summary>The "Smtp" configuration section. An empty <see cref="Host"/> writes .eml files instead.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>MailKit's SecureSocketOptions: None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Sessions <no-reply@sessions.local>";

    /// <summary>
    /// Accept the relay's TLS certificate even when it does not validate (self-signed, wrong name): for a relay
    /// on the same machine or a test relay only. Prefer <see cref="CertificateThumbprint"/>.
    /// </summary>
    public bool AcceptAnyCertificate { get; set; }

    /// <summary>
    /// The SHA-256 (or SHA-1) fingerprint, in hex (colons allowed), of the one certificate accepted from the relay
    /// even when it does not validate: a self-signed certificate pinned by configuration.
    /// </summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>The relay's limit: at most this many messages in any minute; 0 means no limit.</summary>
    public int MessagesPerMinute { get; set; }
}
