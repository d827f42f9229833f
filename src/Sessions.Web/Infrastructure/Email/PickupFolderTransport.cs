using Microsoft.Extensions.Options;
using Sessions.Core.Notices;

namespace Sessions.Web.Infrastructure.Email;

/// <summary>The embedded default: each message becomes an .eml file in the data directory's mail/ folder.</summary>
public sealed class PickupFolderTransportFactory(DataDirectory dataDirectory, IOptions<SmtpOptions> options) : IEmailTransportFactory
{
    public Task<IEmailTransport> OpenAsync(CancellationToken cancellationToken)
    {
        var folder = dataDirectory.Combine("mail");
        Directory.CreateDirectory(folder);
        return Task.FromResult<IEmailTransport>(new Transport(folder, options.Value.From));
    }

    private sealed class Transport(string folder, string from) : IEmailTransport
    {
        public async Task<string> SendAsync(OutboundEmail email, CancellationToken cancellationToken)
        {
            var message = MimeMessages.Build(email, from);
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{email.Id:D8}.eml";
            var temporary = Path.Combine(folder, name + ".tmp");
            await message.WriteToAsync(temporary, cancellationToken);
            // Written under a temporary name and moved, so a reader never sees half a message.
            File.Move(temporary, Path.Combine(folder, name), overwrite: true);
            return message.MessageId ?? "";
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
