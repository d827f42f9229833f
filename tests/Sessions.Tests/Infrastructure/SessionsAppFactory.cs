using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// The real app over a fresh SQLite file built by the real migrations, in a temporary data directory
/// that is deleted afterwards. Mail goes to the pickup folder unless <see cref="SmtpPort"/> is set.
/// </summary>
public class SessionsAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.sessions";
    public const string AdminPassword = "correct-horse-battery";

    /// <summary>
    /// Hosts by the dozen each watch their configuration and web root for changes; inotify allows 128 watchers per user
    /// on Debian, which a full run beside another one exhausts. The tests change no file a host watches: poll instead.
    /// </summary>
    static SessionsAppFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");

    public SessionsAppFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "sessions-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public string MailFolder => Path.Combine(DataDirectory, "mail");

    /// <summary>The host environment: Testing unless a test needs Development's behaviour.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Loads the demo data when true.</summary>
    public bool SeedDemo { get; init; }

    /// <summary>An SMTP server on loopback to send to instead of the pickup folder.</summary>
    public int? SmtpPort { get; init; }

    /// <summary>Sessions:PublicUrl, the address every emailed link points to; null leaves it unset.</summary>
    public string? PublicUrl { get; init; } = "http://localhost";

    /// <summary>Extra settings, e.g. ("Smtp:Host", "127.0.0.1").</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Sessions:DataDirectory", DataDirectory);
        builder.UseSetting("Sessions:SeedDemo", SeedDemo ? "true" : "false");
        builder.UseSetting("Sessions:Admin:Email", AdminEmail);
        builder.UseSetting("Sessions:Admin:Password", AdminPassword);
        builder.UseSetting("Sessions:PublicUrl", PublicUrl);
        builder.UseSetting("Smtp:Host", SmtpPort is null ? "" : "127.0.0.1");
        builder.UseSetting("Smtp:Port", SmtpPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "25");
        builder.UseSetting("Smtp:Security", "None");
        // Tests sign in far more often than a person; the sign-in rate limit has its own test with its own setting.
        builder.UseSetting("Security:SignInPermitsPerMinute", "10000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs code against the app's services in a scope of its own (the DbContext, UserManager...).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> action) =>
        InScopeAsync<bool>(async sp =>
        {
            await action(sp);
            return true;
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing background job; the temp folder is cleaned by the OS.
            }
        }
    }
}
