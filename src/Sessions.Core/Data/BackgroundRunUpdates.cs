using Microsoft.EntityFrameworkCore;
using Sessions.Core.Attendance;
using Sessions.Core.Common;

namespace Sessions.Core.Data;

/// <summary>
/// The moves of a <see cref="BackgroundRun"/> made straight in the database, so that the database decides which of two
/// workers takes a run and an abandoned run is failed only if it has not moved meanwhile.
/// </summary>
public static class BackgroundRunUpdates
{
    /// <summary>Queued → running; 0 when another worker took it first (or it is gone).</summary>
    public static Task<int> TakeAsync<T>(this IQueryable<T> runs, int runId, DateTime now, CancellationToken cancellationToken)
        where T : BackgroundRun =>
        runs.Where(r => r.Id == runId && r.Status == ReportRunStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ReportRunStatus.Running)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.ProgressAt, now)
                .SetProperty(r => r.Version, Guid.NewGuid()), cancellationToken);

    /// <summary>Fails the runs <paramref name="runs"/> selects.</summary>
    public static Task<int> FailAsync<T>(this IQueryable<T> runs, DateTime now, CancellationToken cancellationToken = default)
        where T : BackgroundRun =>
        runs.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, ReportRunStatus.Failed)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.Version, Guid.NewGuid()), cancellationToken);

    /// <summary>Fails <paramref name="abandoned"/> only if it is still as it was read (not finished or moved on meanwhile).</summary>
    public static Task<int> FailAbandonedAsync<T>(this IQueryable<T> runs, T abandoned, DateTime now, CancellationToken cancellationToken)
        where T : BackgroundRun =>
        runs.Where(r => r.Id == abandoned.Id && r.Status == abandoned.Status && r.ProgressAt == abandoned.ProgressAt).FailAsync(now, cancellationToken);
}
