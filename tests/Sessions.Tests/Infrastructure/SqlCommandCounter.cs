using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core executes in the async flow that started the counter (other tests running at the
/// same time are not counted): a page that loads row by row issues more commands as the data grows.
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<SqlCommandCounter?> _current = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDisposable _all;
    private int _count;

    private SqlCommandCounter()
    {
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count => _count;

    /// <summary>Starts counting the commands of the calling flow (and of the awaits it makes afterwards).</summary>
    public static SqlCommandCounter Start()
    {
        var counter = new SqlCommandCounter();
        _current.Value = counter;
        return counter;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && ReferenceEquals(_current.Value, this))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _current.Value = null;
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
