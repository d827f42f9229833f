namespace Sessions.Core.Notices;

/// <summary>
/// How many messages the relay still accepts this minute (Smtp:MessagesPerMinute; 0 = no limit).
/// The window slides: a message counts for 60 seconds after it was reserved. Senders reserve before
/// they claim rows, so they never hold rows they cannot send, and give back what they did not use.
/// Shared by every sender of the process, so it is thread-safe.
/// </summary>
public sealed class RelayBudget(int messagesPerMinute, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Queue<DateTimeOffset> _reserved = new();
    private readonly object _gate = new();

    public int MessagesPerMinute { get; } = Math.Max(0, messagesPerMinute);

    public bool IsLimited => MessagesPerMinute > 0;

    /// <summary>Reserves up to <paramref name="wanted"/> messages; returns how many may be sent now (0 when the minute's budget is spent).</summary>
    public int Reserve(int wanted)
    {
        if (wanted <= 0)
        {
            return 0;
        }

        if (!IsLimited)
        {
            return wanted;
        }

        lock (_gate)
        {
            var now = clock.GetUtcNow();
            Expire(now);
            var granted = Math.Min(wanted, MessagesPerMinute - _reserved.Count);
            for (var i = 0; i < granted; i++)
            {
                _reserved.Enqueue(now);
            }

            return granted;
        }
    }

    /// <summary>Gives back reserved messages that were not sent (fewer rows were due than reserved).</summary>
    public void Release(int unused)
    {
        if (!IsLimited || unused <= 0)
        {
            return;
        }

        lock (_gate)
        {
            // The newest reservations go back first; the queue is small (at most one minute's budget).
            var kept = _reserved.ToList();
            kept.RemoveRange(Math.Max(0, kept.Count - unused), Math.Min(unused, kept.Count));
            _reserved.Clear();
            foreach (var at in kept)
            {
                _reserved.Enqueue(at);
            }
        }
    }

    /// <summary>How many messages may still be sent in the current window.</summary>
    public int Remaining
    {
        get
        {
            if (!IsLimited)
            {
                return int.MaxValue;
            }

            lock (_gate)
            {
                Expire(clock.GetUtcNow());
                return MessagesPerMinute - _reserved.Count;
            }
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_reserved.Count > 0 && now - _reserved.Peek() >= Window)
        {
            _reserved.Dequeue();
        }
    }
}
