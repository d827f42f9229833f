using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sessions.Core.Audit;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Infrastructure.Data;

public static class DatabaseSetup
{
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
