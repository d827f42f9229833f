using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Sessions.Core.Notices;

namespace Sessions.Web.Infrastructure.Email;

/// <summary>Sends through an SMTP relay with MailKit: one connection per batch, closed when the batch ends.</summary>
public sealed class SmtpTransportFactory(IOptions<SmtpOptions> options, TimeProvider clock) : IEmailTransportFactory
{
    public async Task<IEmailTransport> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = 30_000 };
        if (settings.AcceptAnyCertificate || !string.IsNullOrWhiteSpace(settings.CertificateThumbprint))
        {
            client.CheckCertificateRevocation = false;
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => RelayCertificate.IsAccepted(settings, certificate, errors);
        }

        try
        {
            var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTlsWhenAvailable;
            await client.ConnectAsync(settings.Host ?? "", settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
        }
        catch (Exception e) when (e is SocketException or IOException or ProtocolException or SmtpCommandException or SslHandshakeException or AuthenticationException or TimeoutException)
        {
            client.Dispose();
            throw new EmailDeliveryException($"The mail relay {settings.Host}:{settings.Port} is not reachable: {e.Message}", permanent: false, e);
        }

        return new Transport(client, settings.From, clock);
    }

    private sealed class Transport(SmtpClient client, string from, TimeProvider clock) : IEmailTransport
    {
        public bool IsOpen => client.IsConnected;

        public async Task<string> SendAsync(OutboundEmail email, CancellationToken cancellationToken)
        {
            var message = MimeMessages.Build(email, from, clock.GetUtcNow());
            try
            {
                await client.SendAsync(message, cancellationToken);
                return message.MessageId ?? "";
            }
            catch (SmtpCommandException e)
            {
                // 5xx: the relay refuses this message for good; 4xx: try again later.
                throw new EmailDeliveryException($"{(int)e.StatusCode} {e.Message}", permanent: (int)e.StatusCode >= 500, e);
            }
            catch (Exception e) when (e is SocketException or IOException or ProtocolException or ServiceNotConnectedException or TimeoutException)
            {
                throw new EmailDeliveryException(e.Message, permanent: false, e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ProtocolException or SmtpCommandException)
            {
                // The messages are already accepted or already marked for retry; a failed QUIT changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
