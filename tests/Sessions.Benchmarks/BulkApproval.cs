using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Web.Features.Registration.Review;

namespace Sessions.Benchmarks;

/// <summary>
/// Times the review queue's bulk approval of Submitted delegations, through the app's own handler
/// resolved from the real host (built in-process over the data directory, no port opened).
/// </summary>
public static class BulkApproval
{
    public static async Task RunAsync(string dataDirectory, int sessionId, int count)
    {
        const int WarmUp = 5;
        await using var host = new BenchmarkHost(dataDirectory);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var secretariatId = await db.Users.Where(u => u.Email == "secretariat-1@bench.sessions").Select(u => u.Id).SingleAsync();
        var submitted = await db.Delegations.AsNoTracking()
            .Where(d => d.SessionId == sessionId && d.Status == RegistrationStatus.Submitted)
            .OrderBy(d => d.Id)
            .Select(d => d.Id)
            .ToListAsync();
        if (submitted.Count < count + WarmUp)
        {
            throw new InvalidOperationException($"Only {submitted.Count} submitted delegations in session {sessionId}: seed a fresh data directory first.");
        }

        // A fixed sample across the queue: member States and observers alike, as a secretariat's selection would be.
        var sample = submitted.OrderBy(id => (id * 2654435761L) % 1_000_003).ToList();
        var ids = sample.Take(count).ToList();

        // A running server has decided delegations before: a few others first, so JIT compilation and EF's
        // first-query work are not counted as the cost of this one.
        using (var warm = host.Services.CreateScope())
        {
            await warm.ServiceProvider.GetRequiredService<ApproveDelegations.Handler>().HandleAsync(sample.Skip(count).Take(WarmUp).ToList(), secretariatId);
        }

        var participants = await db.Participants.CountAsync(p => ids.Contains(p.DelegationId));
        var outboxBefore = await db.OutboundEmails.CountAsync();

        var handler = scope.ServiceProvider.GetRequiredService<ApproveDelegations.Handler>();
        var commands = new CommandCount();
        using var listening = DiagnosticListener.AllListeners.Subscribe(commands);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await handler.HandleAsync(ids, secretariatId);
        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        using var check = host.Services.CreateScope();
        var after = check.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var approved = await after.Delegations.CountAsync(d => ids.Contains(d.Id) && d.Status == RegistrationStatus.Approved);
        var outbox = await after.OutboundEmails.CountAsync() - outboxBefore;
        Console.WriteLine($"bulk approval of {ids.Count} delegations ({participants} participants): {watch.Elapsed.TotalSeconds:F2} s; {result.Decided.Count} approved ({approved} now Approved in the database), {result.Skipped.Count} skipped, {outbox} outbox rows written");
        Console.WriteLine($"  CPU time of the process meanwhile: {cpu.TotalSeconds:F2} s (all threads; wall time above is what a busy machine stretches); {commands} EF commands (the bulk INSERTs and the participants' UPDATE go straight to the connection)");
    }

    /// <summary>The commands EF sends, from its diagnostic events: a handful when the approval is set-based.</summary>
    private sealed class CommandCount : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private int _commands;

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.EntityFrameworkCore")
            {
                listener.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key.EndsWith(".CommandExecuting", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _commands);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public override string ToString() => _commands.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
