using System.Diagnostics;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Features.Notices.Campaigns;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Benchmarks;

/// <summary>
/// Times the queueing of one convening notice to every focal point and participant of the seeded session
/// (`seed` first: 100,000 participants), through the app's own job (<see cref="QueueCampaign.Handler"/>)
/// resolved from the real host over the data directory, and reports the process's peak memory. The host
/// runs no Hangfire server, so nothing is sent while it is measured: this is the queueing alone.
/// </summary>
public static class QueueNotice
{
    public static async Task RunAsync(string dataDirectory, int sessionId, CampaignRecipients recipients)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "sessions.db")))
        {
            throw new InvalidOperationException($"No database in {dataDirectory}: run `seed --data-dir {dataDirectory}` first.");
        }

        await using var host = new BenchmarkHost(dataDirectory, jobServer: false);
        int campaignId;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
            var templates = scope.ServiceProvider.GetRequiredService<NoticeTemplateStore>();
            var secretariatId = await db.Users.Where(u => u.Email == "secretariat-1@bench.sessions").Select(u => u.Id).SingleAsync();
            var campaign = new NoticeCampaign(NoticeKinds.ConveningNotice, secretariatId, DateTime.UtcNow);
            var audience = CampaignAudience.Everybody with { Recipients = recipients };
            campaign.Compose(sessionId, null, audience, Languages.All.ToDictionary(l => l, l => templates.Resolve(db, NoticeKinds.ConveningNotice, l)));
            db.NoticeCampaigns.Add(campaign);
            await db.SaveChangesAsync();
            campaignId = campaign.Id;

            var countWatch = Stopwatch.StartNew();
            var count = await Audience.CountAsync(db, sessionId, audience, CancellationToken.None);
            countWatch.Stop();
            Console.WriteLine($"audience of session {sessionId} ({recipients}): {count} addresses, counted in {countWatch.Elapsed.TotalSeconds:F2} s (what the page shows before sending)");
            // Where the time goes: reading the audience alone, then reading and rendering (nothing written).
            var phase = Stopwatch.StartNew();
            var read = Audience.Distinct(Audience.Query(db, sessionId, audience).AsNoTracking().AsEnumerable()).Count();
            var readTime = phase.Elapsed;
            var content = await scope.ServiceProvider.GetRequiredService<CampaignMessages.Loader>().LoadAsync(campaign, CancellationToken.None);
            phase.Restart();
            var rendered = Audience.Distinct(Audience.Query(db, sessionId, audience).AsNoTracking().AsEnumerable()).Select(content.For).Count();
            Console.WriteLine($"  phases: reading the audience {readTime.TotalSeconds:F2} s ({read} rows); reading and rendering {phase.Elapsed.TotalSeconds:F2} s ({rendered} messages)");
            await db.NoticeCampaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CampaignStatus.Queuing));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peakBefore = process.PeakWorkingSet64;

        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        int queued;
        using (var scope = host.Services.CreateScope())
        {
            queued = await scope.ServiceProvider.GetRequiredService<QueueCampaign.Handler>().QueueAsync(campaignId, CancellationToken.None);
        }

        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var gc = GC.GetGCMemoryInfo();

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SessionsDbContext>();
            var rows = await db.OutboundEmails.CountAsync(e => e.CampaignId == campaignId);
            var status = await db.NoticeCampaigns.Where(c => c.Id == campaignId).Select(c => c.Status).SingleAsync();
            var withCalendar = await db.OutboundEmails.CountAsync(e => e.CampaignId == campaignId && e.Calendar != null);
            Console.WriteLine($"queued campaign {campaignId} to {queued} recipients in {watch.Elapsed.TotalSeconds:F2} s ({queued / watch.Elapsed.TotalSeconds:F0} rows/s), {cpu.TotalSeconds:F2} s of CPU; {rows} outbox rows ({withCalendar} with the calendar), campaign {status}");
        }

        Console.WriteLine($"  machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end");
        Console.WriteLine($"  memory: working set {before / 1048576} MiB before queueing, peak working set {process.PeakWorkingSet64 / 1048576} MiB (peak before queueing {peakBefore / 1048576} MiB); GC heap {gc.HeapSizeBytes / 1048576} MiB after, {GC.GetTotalAllocatedBytes() / 1048576} MiB allocated in all");
    }
}
