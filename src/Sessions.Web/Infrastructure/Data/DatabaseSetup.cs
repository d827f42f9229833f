using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sessions.Core.Audit;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Infrastructure.Data;

public static class DatabaseSetup
{
    private static readonly TimeSpan _startupLockWait = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddSessionsDatabase(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not available yet; use Sqlite.");
        }

        var connectionString = configuration.GetConnectionString("Sessions");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dataDirectory, "sessions.db"),
                Cache = SqliteCacheMode.Default,
                DefaultTimeout = 30,
            }.ToString();
        }

        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<DatabaseLogging>();
        services.AddDbContext<SessionsDbContext>((sp, options) => options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly("Sessions.Migrations.Sqlite"))
            .UseLoggerFactory(sp.GetRequiredService<DatabaseLogging>())
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<OutboxTrigger>()));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>
    /// An exclusive lock on a file beside the SQLite database, held while the start-up tasks run: a second process started
    /// on the same database at the same moment waits for it, then finds the work done. The operating system releases the
    /// lock when its process ends, even by a crash. A file lock serves the embedded SQLite database only; PostgreSQL
    /// will hold an advisory lock (pg_advisory_lock) instead, taken by the database.
    /// </summary>
    public static async Task<IDisposable> AcquireStartupLockAsync(SessionsDbContext db, ILogger logger)
    {
        var database = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(database) || database == ":memory:")
        {
            // A database of this process alone: no other process can start on it.
            return new NoLock();
        }

        var path = Path.GetFullPath(database) + ".startup-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + _startupLockWait;
        var waiting = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"Another process has held the start-up lock {path} for more than {_startupLockWait.TotalMinutes} minutes.", e);
                }

                if (!waiting)
                {
                    logger.LogInformation("Another process is running the start-up tasks on {Database}: waiting for it to finish", database);
                    waiting = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private sealed class NoLock : IDisposable
    {
        public void Dispose()
        {
        }
    }

    /// <summary>Applies the migrations and switches the file to write-ahead logging (it stays so).</summary>
    public static async Task MigrateAsync(SessionsDbContext db)
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}

/// <summary>/health answers 200 only when the database answers a query on the migrated schema.</summary>
public sealed class DatabaseHealthCheck(SessionsDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM \"__EFMigrationsHistory\" LIMIT 1", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
