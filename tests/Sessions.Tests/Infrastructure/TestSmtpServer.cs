using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Sessions.Tests.Infrastructure;

/// <summary>A message the server accepted: its envelope, the connection it came on, the parsed message and its top-level header block as sent.</summary>
public sealed record ReceivedMessage(int Connection, string EnvelopeFrom, IReadOnlyList<string> EnvelopeRecipients, MimeMessage Message, string HeaderBlock);

/// <summary>
/// A real SMTP server on loopback (RFC 5321, enough for MailKit): EHLO/HELO, MAIL, RCPT, DATA with
/// dot-unstuffing, RSET, NOOP, QUIT. It keeps what it receives, counts connections, can refuse a
/// recipient (550 or 451), cut the connection at a recipient, and can be stopped (the port closes) and
/// started again on the same port.
/// PIPELINING is not advertised, so every command gets its reply before the next one is read.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private const int MaxLineLength = 64 * 1024;

    private readonly object _gate = new();
    private readonly List<ReceivedMessage> _messages = [];
    // Per address: 550 or 451 to refuse it, 0 to cut the connection instead of answering.
    private readonly ConcurrentDictionary<string, int> _recipientAnswers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<int, TcpClient> _clients = new();
    private readonly List<Task> _handlers = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stopping;
    private Task? _acceptLoop;
    private int _connections;

    private TestSmtpServer()
    {
    }

    public int Port { get; private set; }

    /// <summary>How long the server waits, after storing a message, before it answers 250: a slow relay, so a stop lands mid-send.</summary>
    public TimeSpan AcceptDelay { get; set; }

    /// <summary>How many connections were accepted since the server was created.</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _listener is not null;
            }
        }
    }

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToList();
            }
        }
    }

    /// <summary>Starts a server on 127.0.0.1 on a free port.</summary>
    public static TestSmtpServer Start()
    {
        var server = new TestSmtpServer();
        server.Listen(0);
        return server;
    }

    /// <summary>Answers RCPT TO for this address with 550 (permanent) or 451 (temporary) from now on.</summary>
    public void RefuseRecipient(string address, bool permanent) => _recipientAnswers[address] = permanent ? 550 : 451;

    public void AcceptRecipient(string address) => _recipientAnswers.TryRemove(address, out _);

    /// <summary>The next RCPT TO for this address gets no answer: the server closes the connection (once).</summary>
    public void CutConnectionOn(string address) => _recipientAnswers[address] = 0;

    /// <summary>The relay goes down: the port closes and open connections are cut.</summary>
    public async Task StopAsync()
    {
        TcpListener? listener;
        CancellationTokenSource? stopping;
        Task? acceptLoop;
        Task[] handlers;
        lock (_gate)
        {
            (listener, stopping, acceptLoop) = (_listener, _stopping, _acceptLoop);
            (_listener, _stopping, _acceptLoop) = (null, null, null);
            handlers = [.. _handlers];
            _handlers.Clear();
        }

        if (listener is null)
        {
            return;
        }

        await stopping!.CancelAsync();
        listener.Stop();
        foreach (var client in _clients.Values)
        {
            client.Close();
        }

        try
        {
            await Task.WhenAll([acceptLoop!, .. handlers]);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The loops end on the closed sockets; that is the point of stopping.
        }

        stopping.Dispose();
    }

    /// <summary>The relay comes back on the same port.</summary>
    public void Restart()
    {
        if (!IsRunning)
        {
            Listen(Port);
        }
    }

    /// <summary>Waits (up to 20 s) until <paramref name="count"/> messages to <paramref name="address"/> arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(string address, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = MessagesTo(address);
            if (found.Count >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{found.Count} of {count} messages to {address} arrived at the test SMTP server.");
            }

            await Task.Delay(50);
        }
    }

    public IReadOnlyList<ReceivedMessage> MessagesTo(string address) =>
        Messages.Where(m => m.EnvelopeRecipients.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        var stopping = new CancellationTokenSource();
        lock (_gate)
        {
            _listener = listener;
            _stopping = stopping;
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _acceptLoop = AcceptAsync(listener, stopping.Token);
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = Interlocked.Increment(ref _connections);
            _clients[connection] = client;
            lock (_gate)
            {
                _handlers.RemoveAll(t => t.IsCompleted);
                _handlers.Add(ServeAsync(client, connection, stopping));
            }
        }
    }

    private async Task ServeAsync(TcpClient client, int connection, CancellationToken stopping)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var session = new Session(this, stream, connection);
                await session.RunAsync(stopping);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            _clients.TryRemove(connection, out _);
        }
    }

    private void Store(ReceivedMessage message)
    {
        lock (_gate)
        {
            _messages.Add(message);
        }
    }

    /// <summary>One SMTP conversation.</summary>
    private sealed class Session(TestSmtpServer server, NetworkStream stream, int connection)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;
        private string? _from;
        private readonly List<string> _recipients = [];

        public async Task RunAsync(CancellationToken stopping)
        {
            await ReplyAsync("220 127.0.0.1 ESMTP test server ready", stopping);
            var greeted = false;
            while (true)
            {
                var bytes = await ReadLineAsync(stopping);
                if (bytes is null)
                {
                    return;
                }

                var line = Encoding.UTF8.GetString(bytes);
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        greeted = true;
                        Reset();
                        await ReplyAsync("250-127.0.0.1 hello\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760", stopping);
                        break;
                    case "HELO":
                        greeted = true;
                        Reset();
                        await ReplyAsync("250 127.0.0.1 hello", stopping);
                        break;
                    case "MAIL" when !greeted:
                        await ReplyAsync("503 5.5.1 Say EHLO first", stopping);
                        break;
                    case "MAIL" when line.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase):
                        Reset();
                        _from = Path(line["MAIL FROM:".Length..]);
                        await ReplyAsync("250 2.1.0 Sender OK", stopping);
                        break;
                    case "RCPT" when _from is null:
                        await ReplyAsync("503 5.5.1 Need MAIL first", stopping);
                        break;
                    case "RCPT" when line.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase):
                        await RecipientAsync(Path(line["RCPT TO:".Length..]), stopping);
                        break;
                    case "DATA" when _recipients.Count == 0:
                        await ReplyAsync("554 5.5.1 No valid recipients", stopping);
                        break;
                    case "DATA":
                        await DataAsync(stopping);
                        break;
                    case "RSET":
                        Reset();
                        await ReplyAsync("250 2.0.0 OK", stopping);
                        break;
                    case "NOOP":
                        await ReplyAsync("250 2.0.0 OK", stopping);
                        break;
                    case "QUIT":
                        await ReplyAsync("221 2.0.0 Bye", stopping);
                        return;
                    default:
                        await ReplyAsync("502 5.5.2 Command not recognised", stopping);
                        break;
                }
            }
        }

        private async Task RecipientAsync(string address, CancellationToken stopping)
        {
            if (server._recipientAnswers.TryGetValue(address, out var code) && code == 0)
            {
                server._recipientAnswers.TryRemove(address, out _);
                throw new IOException("The test server cuts the connection.");
            }

            if (code > 0)
            {
                await ReplyAsync(code >= 500 ? $"550 5.1.1 <{address}>: mailbox unavailable" : $"451 4.3.0 <{address}>: try again later", stopping);
                return;
            }

            _recipients.Add(address);
            await ReplyAsync("250 2.1.5 Recipient OK", stopping);
        }

        private async Task DataAsync(CancellationToken stopping)
        {
            await ReplyAsync("354 End data with <CR><LF>.<CR><LF>", stopping);
            using var content = new MemoryStream();
            while (true)
            {
                var line = await ReadLineAsync(stopping) ?? throw new IOException("The connection closed during DATA.");
                if (line is [(byte)'.'])
                {
                    break;
                }

                // Dot-unstuffing (RFC 5321 4.5.2): a leading dot was doubled by the client.
                var start = line is [(byte)'.', ..] ? 1 : 0;
                content.Write(line, start, line.Length - start);
                content.Write("\r\n"u8);
            }

            var raw = Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length);
            var headerEnd = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            content.Position = 0;
            var message = await MimeMessage.LoadAsync(content, stopping);
            server.Store(new ReceivedMessage(connection, _from ?? "", _recipients.ToList(), message, headerEnd < 0 ? raw : raw[..headerEnd]));
            Reset();
            if (server.AcceptDelay > TimeSpan.Zero)
            {
                await Task.Delay(server.AcceptDelay, stopping);
            }

            await ReplyAsync("250 2.0.0 OK queued", stopping);
        }

        private void Reset()
        {
            _from = null;
            _recipients.Clear();
        }

        private static string Path(string argument)
        {
            var text = argument.Trim();
            var close = text.IndexOf('>', StringComparison.Ordinal);
            return text.StartsWith('<') && close > 0 ? text[1..close] : text.Split(' ')[0];
        }

        private async Task ReplyAsync(string reply, CancellationToken stopping)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(reply + "\r\n"), stopping);
            await stream.FlushAsync(stopping);
        }

        /// <summary>The next line without its CRLF, as bytes (DATA may carry 8-bit text); null when the client closed.</summary>
        private async Task<byte[]?> ReadLineAsync(CancellationToken stopping)
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end)
                {
                    _start = 0;
                    _end = await stream.ReadAsync(_buffer, stopping);
                    if (_end == 0)
                    {
                        return null;
                    }
                }

                var b = _buffer[_start++];
                if (b == (byte)'\n')
                {
                    if (line.Count > 0 && line[^1] == (byte)'\r')
                    {
                        line.RemoveAt(line.Count - 1);
                    }

                    return [.. line];
                }

                line.Add(b);
                if (line.Count > MaxLineLength)
                {
                    throw new IOException("Line too long.");
                }
            }
        }
    }
}
