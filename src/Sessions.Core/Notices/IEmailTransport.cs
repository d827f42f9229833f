namespace Sessions.Core.Notices;

/// <summary>An open channel to the mail relay (one SMTP connection, or the pickup folder) for one batch.</summary>
public interface IEmailTransport : IAsyncDisposable
{
    /// <summary>Delivers one message and returns its Message-Id; throws <see cref="EmailDeliveryException"/> when refused.</summary>
    Task<string> SendAsync(OutboundEmail email, CancellationToken cancellationToken);
}

/// <summary>Opens a transport; one per batch, because an SMTP connection is not shared across threads.</summary>
public interface IEmailTransportFactory
{
    Task<IEmailTransport> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A message was not delivered. <see cref="Permanent"/> failures (the relay answered 5xx, a malformed
/// address) are not retried; the others (relay down, 4xx) are retried with backoff.
/// </summary>
public sealed class EmailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
