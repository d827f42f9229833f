using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sessions.Core.Attendance;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Statements;

namespace Sessions.Tests.Platform;

/// <summary>
/// A unique index refusing a save is logged as an error only where it is a failure: where it is the designed path
/// (the next symbol on concurrent issuance, a second read of the same badge at the door) it is logged at debug level.
/// </summary>
public sealed class DatabaseLoggingTests : IDisposable
{
    private readonly LoggingAppFactory _factory = new();

    [Fact]
    public async Task Twenty_concurrent_issuances_log_no_error()
    {
        var session = await _factory.AddReviewSessionAsync();
        var submitter = await _factory.AddReviewSubmitterAsync(session.SessionId);
        var statements = new List<(int Id, Guid Version)>();
        for (var i = 0; i < 20; i++)
        {
            var id = await _factory.AddStatementAsync(session, submitter, title: $"Statement {i}");
            statements.Add((id, await _factory.StatementVersionAsync(id)));
        }

        _factory.Logs.Clear();
        var symbols = await Task.WhenAll(statements.Select(s => Task.Run(() => _factory.InScopeAsync(sp =>
            sp.GetRequiredService<StatementIssuance>().IssueAsync(s.Id, s.Version, "secretariat")))));

        Assert.Equal(20, symbols.Distinct().Count());
        Assert.Empty(_factory.Logs.AtOrAbove(LogLevel.Warning));
    }

    [Fact]
    public async Task A_second_read_of_the_same_badge_at_the_same_moment_is_logged_at_debug_level()
    {
        var (participantId, meetingId) = await ParticipantAndMeetingAsync();
        _factory.Logs.Clear();

        var outcome = await _factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().RecordPresenceAsync(participantId, meetingId, existing =>
        {
            // The other door saves its read between this door's read and its save.
            _factory.MarkAttendanceAsync(meetingId, AttendanceStatus.Present, participantId).GetAwaiter().GetResult();
            return (CheckInOutcome.Recorded, new AttendanceRecord(participantId, meetingId, AttendanceStatus.Present, AttendanceMethod.Scan, DateTime.UtcNow, null));
        }));

        Assert.Equal(CheckInOutcome.AlreadyPresent, outcome);
        Assert.Empty(_factory.Logs.AtOrAbove(LogLevel.Warning));
        Assert.Contains(_factory.Logs.Entries, e => e.Level == LogLevel.Debug && e.Category == DbLoggerCategory.Update.Name);
    }

    [Fact]
    public async Task A_unique_index_refusing_an_ordinary_save_is_still_logged_as_an_error()
    {
        var (participantId, meetingId) = await ParticipantAndMeetingAsync();
        await _factory.MarkAttendanceAsync(meetingId, AttendanceStatus.Present, participantId);
        _factory.Logs.Clear();

        await Assert.ThrowsAsync<DbUpdateException>(() => _factory.MarkAttendanceAsync(meetingId, AttendanceStatus.Present, participantId));

        Assert.Contains(_factory.Logs.AtOrAbove(LogLevel.Error), e => e.Category == DbLoggerCategory.Update.Name);
    }

    [Fact]
    public async Task Another_failure_of_a_save_that_expects_a_collision_is_still_logged_as_an_error()
    {
        _ = _factory.Server;
        _factory.Logs.Clear();

        // No such participant or meeting: the foreign keys refuse it, which no retry expects.
        await Assert.ThrowsAsync<DbUpdateException>(() => _factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().RecordPresenceAsync(987654, 987654, _ =>
            (CheckInOutcome.Recorded, new AttendanceRecord(987654, 987654, AttendanceStatus.Present, AttendanceMethod.Scan, DateTime.UtcNow, null)))));

        Assert.Contains(_factory.Logs.AtOrAbove(LogLevel.Error), e => e.Category == DbLoggerCategory.Update.Name);
    }

    public void Dispose() => _factory.Dispose();

    private async Task<(int ParticipantId, int MeetingId)> ParticipantAndMeetingAsync()
    {
        var opening = new DateTime(2031, 5, 12, 7, 0, 0, DateTimeKind.Utc);
        var sessionId = await _factory.AddSessionAsync(await _factory.AddBodyAsync(), DateOnly.FromDateTime(opening), configure: s => s.AddMeeting(1, opening, opening.AddHours(3), "Plenary hall"));
        var organisationId = await _factory.AddOrganisationAsync($"Door Org {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);
        var delegation = await _factory.AddDelegationAsync(sessionId, organisationId, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Approved, [DelegationBuilders.Nominee("Amina", "Diallo")]);
        var meetingId = await _factory.WithDbAsync(db => db.Meetings.Where(m => m.SessionId == sessionId).Select(m => m.Id).SingleAsync());
        return (delegation.ParticipantIds[0], meetingId);
    }

    private sealed class LoggingAppFactory : SessionsAppFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Debug));
        }
    }

    public sealed record Entry(LogLevel Level, string Category, string Message);

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<Entry> _entries = new();

        public IReadOnlyCollection<Entry> Entries => _entries;

        public IEnumerable<Entry> AtOrAbove(LogLevel level) => _entries.Where(e => e.Level >= level && e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));

        public void Clear() => _entries.Clear();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(logLevel, category, formatter(state, exception)));
        }
    }
}
