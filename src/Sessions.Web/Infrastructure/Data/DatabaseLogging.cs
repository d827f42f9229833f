using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sessions.Core.Data;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>
/// EF Core's loggers, except that a unique index refusing a save made with
/// <see cref="UniqueIndexCollisions.SaveChangesExpectingCollisionAsync"/> is logged at debug level: it is the designed
/// path there (the caller retries or answers "already done"), not a failure. Everything else passes unchanged.
/// </summary>
public sealed class DatabaseLogging(ILoggerFactory loggers) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        var logger = loggers.CreateLogger(categoryName);
        return categoryName == DbLoggerCategory.Update.Name || categoryName == DbLoggerCategory.Database.Command.Name
            ? new CollisionLogger(logger)
            : logger;
    }

    public void AddProvider(ILoggerProvider provider) => loggers.AddProvider(provider);

    // The application's logger factory belongs to the host, which disposes it.
    public void Dispose()
    {
    }

    /// <summary>
    /// EF logs a refused save twice: the failed command (without its exception) and the failed save (with it). The
    /// failed save stays an error unless a unique index refused it, so any other failure is still logged as one.
    /// </summary>
    private static bool IsExpectedCollision(EventId eventId, Exception? exception) =>
        UniqueIndexCollisions.AreExpected
        && (eventId.Id == RelationalEventId.CommandError.Id || (eventId.Id == CoreEventId.SaveChangesFailed.Id && IsUniqueIndexRefusal(exception)));

    private static bool IsUniqueIndexRefusal(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 })
            {
                return true;
            }
        }

        return false;
    }

    private sealed class CollisionLogger(ILogger logger) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logger.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            logger.Log(IsExpectedCollision(eventId, exception) ? LogLevel.Debug : logLevel, eventId, state, exception, formatter);
        }
    }
}
