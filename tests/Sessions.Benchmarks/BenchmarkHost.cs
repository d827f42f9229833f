using System.Globalization;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sessions.Benchmarks;

/// <summary>
/// The app as it runs in production, in process, over a benchmark's data directory: mail to the pickup
/// folder, or to an SMTP server on loopback when <paramref name="smtpPort"/> is given; without its Hangfire
/// server when <paramref name="jobServer"/> is false, so nothing runs in the background while one use case is timed.
/// </summary>
public sealed class BenchmarkHost(string dataDirectory, int? smtpPort = null, bool jobServer = true) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The web project's folder, found from the repository root, so its content root is right whatever the working directory.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Sessions.sln")))
        {
            root = root.Parent;
        }

        builder.UseContentRoot(Path.Combine(root?.FullName ?? ".", "src", "Sessions.Web"));
        builder.UseEnvironment("Production");
        builder.UseSetting("Sessions:DataDirectory", dataDirectory);
        builder.UseSetting("Sessions:SeedDemo", "false");
        builder.UseSetting("Sessions:PublicUrl", "http://127.0.0.1:5080");
        builder.UseSetting("Smtp:Host", smtpPort is null ? "" : "127.0.0.1");
        if (smtpPort is { } port)
        {
            builder.UseSetting("Smtp:Port", port.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:Security", "None");
            builder.UseSetting("Smtp:MessagesPerMinute", "0");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }

        if (!jobServer)
        {
            builder.ConfigureTestServices(services =>
            {
                var hangfire = typeof(BackgroundJobServerOptions).Assembly;
                var aspNetCore = typeof(HangfireServiceCollectionExtensions).Assembly;
                foreach (var server in services.Where(d => d.ServiceType == typeof(IHostedService)
                    && (d.ImplementationType?.Assembly == hangfire || d.ImplementationType?.Assembly == aspNetCore
                        || d.ImplementationFactory?.Method.DeclaringType?.Assembly == aspNetCore)).ToList())
                {
                    services.Remove(server);
                }
            });
        }
    }
}
