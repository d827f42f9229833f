using System.Data.Common;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sessions.Core.Notices;

namespace Sessions.Web.Infrastructure.Email;

/// <summary>
/// When a SaveChanges has put notices in the outbox, a sending job is queued right away; inside an
/// explicit transaction, once it commits (before that the sender cannot see the rows), and not at all
/// when it rolls back. The recurring sweep remains the safety net.
/// </summary>
public sealed class OutboxTrigger(IBackgroundJobClient jobs) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _noticesSaving;
    private bool _waitingForCommit;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _noticesSaving = false;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _noticesSaving = false;
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _waitingForCommit = false;

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _waitingForCommit = false;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Rows were written to the outbox without the change tracker (<see cref="NoticeWriter.InsertManyAsync"/>):
    /// the sending job is queued once the current transaction commits, or now when there is none.
    /// </summary>
    public void RowsWritten(DbContext context)
    {
        if (context.Database.CurrentTransaction is null)
        {
            Enqueue();
        }
        else
        {
            _waitingForCommit = true;
        }
    }

    // Or-ed, not assigned: another interceptor (the audit) saves again from its SavedChanges, before ours
    // runs, and that nested save has no new notices of its own.
    private void Note(DbContext? context) =>
        _noticesSaving |= context?.ChangeTracker.Entries<OutboundEmail>().Any(e => e.State == EntityState.Added) == true;

    private void Saved(DbContext? context)
    {
        if (!_noticesSaving)
        {
            return;
        }

        _noticesSaving = false;
        if (context?.Database.CurrentTransaction is null)
        {
            Enqueue();
        }
        else
        {
            _waitingForCommit = true;
        }
    }

    private void Committed()
    {
        if (_waitingForCommit)
        {
            _waitingForCommit = false;
            Enqueue();
        }
    }

    private void Enqueue() => jobs.Enqueue<OutboxSender>(sender => sender.SendDueAsync(CancellationToken.None));
}
