using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Web.Features.Review;

namespace Sessions.Benchmarks;

/// <summary>
/// Times the review queue's bulk approval of Submitted delegations, through the app's own handler
/// resolved from the real host (built in-process over the data directory, no port opened).
/// </summary>
public static class BulkApproval
{
    public static async Task RunAsync(string dataDirectory, int sessionId, int count)
    {
        await using var host = new LargeSessionHost(dataDirectory);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var secretariatId = await db.Users.Where(u => u.Email == "secretariat-1@bench.sessions").Select(u => u.Id).SingleAsync();
        var submitted = await db.Delegations.AsNoTracking()
            .Where(d => d.SessionId == sessionId && d.Status == RegistrationStatus.Submitted)
            .OrderBy(d => d.Id)
            .Select(d => d.Id)
            .ToListAsync();
        if (submitted.Count < count)
        {
            throw new InvalidOperationException($"Only {submitted.Count} submitted delegations in session {sessionId}: seed a fresh data directory first.");
        }

        // A fixed sample across the queue: member States and observers alike, as a secretariat's selection would be.
        var ids = submitted.OrderBy(id => (id * 2654435761L) % 1_000_003).Take(count).ToList();
        var participants = await db.Participants.CountAsync(p => ids.Contains(p.DelegationId));
        var outboxBefore = await db.OutboundEmails.CountAsync();

        var handler = scope.ServiceProvider.GetRequiredService<ApproveDelegations.Handler>();
        var phases = new SaveChangesPhases();
        using var listening = DiagnosticListener.AllListeners.Subscribe(phases);
        var watch = Stopwatch.StartNew();
        phases.Start(watch);
        var result = await handler.HandleAsync(ids, secretariatId);
        watch.Stop();

        using var check = host.Services.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var approved = await after.Delegations.CountAsync(d => ids.Contains(d.Id) && d.Status == RegistrationStatus.Approved);
        var outbox = await after.OutboundEmails.CountAsync() - outboxBefore;
        Console.WriteLine($"bulk approval of {ids.Count} delegations ({participants} participants): {watch.Elapsed.TotalSeconds:F2} s; {result.Decided.Count} approved ({approved} now Approved in the database), {result.Skipped.Count} skipped, {outbox} outbox rows written");
        Console.WriteLine($"  {phases}");
    }

    /// <summary>
    /// Where the time goes, from EF's diagnostic events: loading and deciding before SaveChanges, the work
    /// SaveChanges does before its first command (change detection, interceptors), and the commands.
    /// </summary>
    private sealed class SaveChangesPhases : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private Stopwatch _watch = new();
        private double? _saveStarting;
        private double? _firstCommand;
        private double? _saveCompleted;
        private int _commands;

        public void Start(Stopwatch watch) => _watch = watch;

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.EntityFrameworkCore")
            {
                listener.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            var at = _watch.Elapsed.TotalSeconds;
            if (value.Key.EndsWith(".SaveChangesStarting", StringComparison.Ordinal))
            {
                _saveStarting ??= at;
            }
            else if (value.Key.EndsWith(".CommandExecuting", StringComparison.Ordinal) && _saveStarting is not null)
            {
                _firstCommand ??= at;
                _commands++;
            }
            else if (value.Key.EndsWith(".SaveChangesCompleted", StringComparison.Ordinal))
            {
                _saveCompleted = at;
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public override string ToString() =>
            $"load + decide + notices: {_saveStarting:F2} s; SaveChanges before its first command: {_firstCommand - _saveStarting:F2} s; {_commands} commands: {_saveCompleted - _firstCommand:F2} s";
    }

    /// <summary>The app as it runs in production, over the large data directory.</summary>
    private sealed class LargeSessionHost : WebApplicationFactory<Program>
    {
        private readonly string _dataDirectory;

        public LargeSessionHost(string dataDirectory)
        {
            _dataDirectory = dataDirectory;

            // The web project's folder, found from the repository root, so its content root is right whatever the working directory.
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Sessions.sln")))
            {
                root = root.Parent;
            }

            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SESSIONS_WEB", Path.Combine(root?.FullName ?? ".", "src", "Sessions.Web"));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Sessions:DataDirectory", _dataDirectory);
            builder.UseSetting("Sessions:SeedDemo", "false");
            builder.UseSetting("Sessions:PublicUrl", "http://127.0.0.1:5080");
            builder.UseSetting("Smtp:Host", "");
        }
    }
}
