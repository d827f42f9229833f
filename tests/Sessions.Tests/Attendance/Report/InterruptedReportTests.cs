using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Attendance;
using Sessions.Core.Data;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Attendance.Report;
using static Sessions.Tests.Infrastructure.AttendanceReportBuilders;

namespace Sessions.Tests.Attendance.Report;

/// <summary>
/// A report run left running by a process that crashed: with in-process job storage, nothing can still be making it
/// after a restart, so the new host fails it at once, removes its partial file, and the next request starts afresh.
/// </summary>
public sealed class InterruptedReportTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sessions-tests", "interrupted-report-" + Guid.NewGuid().ToString("N"));

    public InterruptedReportTests()
    {
        Directory.CreateDirectory(_dataDirectory);
    }

    [Fact]
    public async Task A_run_left_running_by_a_crash_is_failed_at_start_up_its_partial_file_removed_and_a_new_request_starts_a_new_run()
    {
        int sessionId;
        int crashedRunId;
        string partial;
        await using (var crashed = new SharedDataAppFactory(_dataDirectory))
        {
            sessionId = (await crashed.AddReportSessionAsync()).SessionId;
            var officer = await crashed.CreateUserAsync(DelegationBuilders.NewEmail("officer"), SessionsAppFactory.AdminPassword, Roles.Secretariat);
            // As the job leaves it mid-way: running, a heartbeat a moment ago, half of its file written.
            crashedRunId = await crashed.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<SessionsDbContext>();
                var run = new AttendanceReportRun(sessionId, "en", officer.Id, DateTime.UtcNow);
                db.AttendanceReportRuns.Add(run);
                await db.SaveChangesAsync();
                await db.AttendanceReportRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReportRunStatus.Running).SetProperty(r => r.StartedAt, DateTime.UtcNow));
                return run.Id;
            });
            partial = Path.Combine(_dataDirectory, RunAttendanceReport.Folder, $"attendance-{sessionId}-{crashedRunId}-{Guid.NewGuid():N}.xlsx.part");
            Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
            await File.WriteAllBytesAsync(partial, "PK\u0003\u0004 half a workbook"u8.ToArray());
        }

        await using var restarted = new SharedDataAppFactory(_dataDirectory);
        _ = restarted.Server;

        var run = await restarted.WithDbAsync(db => db.AttendanceReportRuns.AsNoTracking().SingleAsync(r => r.Id == crashedRunId));
        Assert.Equal(ReportRunStatus.Failed, run.Status);
        Assert.NotNull(run.FinishedAt);
        Assert.False(File.Exists(partial), "The partial file of the interrupted run is still there.");

        var client = restarted.CreateBrowser("en");
        await client.SignInAsAsync(restarted, Roles.Secretariat);
        var state = await client.PrepareReportAndWaitAsync(sessionId);

        Assert.Equal("Ready", state.GetProperty("status").GetString());
        var runs = await restarted.WithDbAsync(db => db.AttendanceReportRuns.Where(r => r.SessionId == sessionId).OrderBy(r => r.Id).Select(r => new { r.Id, r.Status }).ToListAsync());
        Assert.Equal(2, runs.Count);
        Assert.Equal((crashedRunId, ReportRunStatus.Failed), (runs[0].Id, runs[0].Status));
        Assert.Equal(ReportRunStatus.Ready, runs[1].Status);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
