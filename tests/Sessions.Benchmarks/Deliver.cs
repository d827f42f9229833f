using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Sessions;
using Sessions.Web.Infrastructure.Email;
using Sessions.Core.Common;

namespace Sessions.Benchmarks;

/// <summary>
/// `deliver`: N notices queued the way a bulk send writes them, then delivered by the real host (Hangfire, the
/// real OutboxSender, MailKit) to an SMTP sink on loopback in this process. Reports messages per second from the
/// commit of the notice to the last row recorded Sent, and the process's peak resident memory (VmHWM).
/// </summary>
public static class Deliver
{
    public static async Task RunAsync(int count, string? dataDirectory)
    {
        var directory = Path.GetFullPath(dataDirectory ?? Path.Combine(Path.GetTempPath(), "sessions-deliver-" + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(directory);
        await using var sink = SmtpSink.Start();
        await using var host = new BenchmarkHost(directory, sink.Port);
        _ = host.Server;

        var queueWatch = Stopwatch.StartNew();
        await QueueAsync(host, count);
        queueWatch.Stop();
        var sendWatch = Stopwatch.StartNew();

        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            var sent = await db.OutboundEmails.CountAsync(e => e.Status == DeliveryStatus.Sent);
            if (sent >= count)
            {
                break;
            }

            if (sendWatch.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = sendWatch.Elapsed;
                Console.WriteLine($"  {sent} sent after {sendWatch.Elapsed.TotalSeconds:F0} s");
            }

            if (sendWatch.Elapsed > TimeSpan.FromMinutes(20))
            {
                throw new TimeoutException($"{sent} of {count} sent after 20 minutes.");
            }

            await Task.Delay(100);
        }

        sendWatch.Stop();
        var failed = await db.OutboundEmails.CountAsync(e => e.Status == DeliveryStatus.Failed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"deliver {count} notices: queued in {queueWatch.Elapsed.TotalSeconds:F2} s; delivered in {sendWatch.Elapsed.TotalSeconds:F2} s = {count / sendWatch.Elapsed.TotalSeconds:F0} messages/s " +
            $"over {sink.Connections} SMTP connections ({sink.Messages} messages at the sink, {failed} failed); peak memory (VmHWM) {PeakMemory()}"));
        if (dataDirectory is null)
        {
            await host.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A free-form notice to <paramref name="count"/> recipients in the six languages: rendered rows, one prepared INSERT, one transaction.</summary>
    private static async Task QueueAsync(BenchmarkHost host, int count)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<NoticeWriter>();
        var body = new Core.Bodies.Body(TranslatedText.English("Benchmark Assembly"), Core.Bodies.BodyKind.Assembly, "BENCH/HA", 5);
        db.Bodies.Add(body);
        await db.SaveChangesAsync();
        var session = new Session(body.Id, 1, "BENCH/HA.1", TranslatedText.English("First session of the Benchmark Assembly"), TranslatedText.English("United Nations Office at Nairobi"), "Africa/Nairobi", new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 8));
        db.Sessions.Add(session);
        await db.SaveChangesAsync();

        var languages = new[] { "ar", "zh", "en", "fr", "ru", "es" };
        var values = NoticeValues.ForSession(session, $"http://127.0.0.1:5080/sessions/{session.Id}").With(new NoticeValues { { "OrganisationName", "Benchmark Organisation" } });
        await using var transaction = await db.Database.BeginTransactionAsync();
        await writer.InsertManyAsync(
            Enumerable.Range(0, count).Select(i => writer.Render($"delegate{i}@bench.sessions", $"Delegate {i}", languages[i % languages.Length], NoticeKinds.FreeForm, values)),
            CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static string PeakMemory() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))?["VmHWM:".Length..].Trim() ?? "unknown";

    /// <summary>An SMTP server on loopback that accepts every message and only counts them: the relay costs next to nothing.</summary>
    private sealed class SmtpSink : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stopping = new();
        private int _connections;
        private int _messages;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public int Messages => Volatile.Read(ref _messages);

        public static SmtpSink Start()
        {
            var sink = new SmtpSink();
            sink._listener.Start();
            _ = sink.AcceptAsync();
            return sink;
        }

        public async ValueTask DisposeAsync()
        {
            await _stopping.CancelAsync();
            _listener.Stop();
            _stopping.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref _connections);
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            try
            {
                using (client)
                {
                    var stream = client.GetStream();
                    using var reader = new StreamReader(stream, Encoding.UTF8);
                    await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
                    await writer.WriteLineAsync("220 127.0.0.1 ESMTP sink");
                    while (await reader.ReadLineAsync(_stopping.Token) is { } line)
                    {
                        var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                        switch (verb)
                        {
                            case "EHLO":
                                await writer.WriteLineAsync("250-127.0.0.1\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760");
                                break;
                            case "DATA":
                                await writer.WriteLineAsync("354 go ahead");
                                while (await reader.ReadLineAsync(_stopping.Token) is { } data && data != ".")
                                {
                                }

                                Interlocked.Increment(ref _messages);
                                await writer.WriteLineAsync("250 2.0.0 queued");
                                break;
                            case "QUIT":
                                await writer.WriteLineAsync("221 bye");
                                return;
                            default:
                                await writer.WriteLineAsync("250 OK");
                                break;
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client went away or the sink is stopping.
            }
        }
    }
}
