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
}
