using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Sessions.Web.Infrastructure;

/// <summary>Runs the web server; a port another program holds ends the start with one line that says what to type instead.</summary>
public static partial class ServerStart
{
    /// <summary>
    /// The host logs why it failed to start, stack trace and all, before <see cref="RunAsync"/> can explain it in one line.
    /// Its other failures still show: an exception this class does not explain ends the process with its stack trace,
    /// and a background service that stops the host is logged as Critical.
    /// </summary>
    public static ILoggingBuilder LeaveStartFailuresToServerStart(this ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

    public static async Task<int> RunAsync(WebApplication app, TextWriter error)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException exception) when (exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await error.WriteLineAsync(PortInUse(exception.Message));
            return 1;
        }
    }

    /// <summary>"port 5000 is in use: start with `--urls http://localhost:5080`", naming a port that is free now.</summary>
    public static string PortInUse(string kestrelMessage)
    {
        var match = BoundAddress().Match(kestrelMessage);
        var port = match.Success ? int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture) : 5000;
        return $"port {port} is in use: start with `--urls http://localhost:{FreePortNear(port)}`";
    }

    private static int FreePortNear(int port)
    {
        foreach (var candidate in new[] { 5080, 5081, 5082, 5180, 5280, 8080, 8081 }.Where(p => p != port))
        {
            if (IsFree(candidate))
            {
                return candidate;
            }
        }

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var free = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return free;
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Kestrel: "Failed to bind to address http://127.0.0.1:5000: address already in use."
    [GeneratedRegex(@"address \S+?:(?<port>\d+)(/\S*)?: address already in use")]
    private static partial Regex BoundAddress();
}
