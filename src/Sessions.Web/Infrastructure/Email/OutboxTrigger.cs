using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sessions.Core.Notices;

namespace Sessions.Web.Infrastructure.Email;

/// <summary>
/// When a SaveChanges has put notices in the outbox, a sending job is queued right away. The flag is only
/// cleared once the job is queued: the audit interceptor saves its rows in a nested SaveChanges that must
/// not wipe it.
/// </summary>
public sealed class OutboxTrigger(IBackgroundJobClient jobs) : SaveChangesInterceptor
{
    private bool _queued;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _queued |= HasNewNotices(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _queued |= HasNewNotices(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Enqueue();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Enqueue();
        return ValueTask.FromResult(result);
    }

    private static bool HasNewNotices(DbContext? context) =>
        context?.ChangeTracker.Entries<OutboundEmail>().Any(e => e.State == EntityState.Added) == true;

    private void Enqueue()
    {
        if (_queued)
        {
            _queued = false;
            // Inside a transaction the rows are not visible yet; the recurring sweep picks them up after the commit.
            jobs.Enqueue<OutboxSender>(sender => sender.SendDueAsync(CancellationToken.None));
        }
    }
}
