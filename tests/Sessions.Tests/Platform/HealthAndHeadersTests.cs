using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Platform;

public sealed class HealthAndHeadersTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var response = await factory.CreateBrowser().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "sessions.db")), "The SQLite file lives in the configured data directory.");
    }

    [Fact]
    public async Task The_database_file_is_in_write_ahead_logging_mode()
    {
        _ = factory.Server;
        var mode = await factory.InScopeAsync(async sp =>
        {
            var connection = sp.GetRequiredService<Sessions.Core.Data.SessionsDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync();
        });
        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await factory.CreateBrowser().GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task An_unknown_address_is_a_friendly_404_without_a_stack_trace()
    {
        var response = await factory.CreateBrowser("fr").GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page introuvable", html);
        Assert.DoesNotContain("Exception", html);
    }
}

public sealed class HealthWhenTheDatabaseFailsTests : IDisposable
{
    private readonly SessionsAppFactory _factory = new();

    [Fact]
    public async Task Health_answers_503_when_the_database_does_not_answer()
    {
        var client = _factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await _factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Sessions.Core.Data.SessionsDbContext>();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"__EFMigrationsHistory\" RENAME TO \"broken\"");
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_failure_shows_the_localised_error_page_without_a_stack_trace()
    {
        var client = _factory.CreateBrowser("es");
        await _factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Sessions.Core.Data.SessionsDbContext>();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Sessions\" RENAME TO \"SessionsGone\"");
        });

        var response = await client.GetAsync("/sessions");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Algo salió mal", html);
        Assert.DoesNotContain("SqliteException", html);
        Assert.DoesNotContain("   at ", html);
    }

    public void Dispose() => _factory.Dispose();
}
