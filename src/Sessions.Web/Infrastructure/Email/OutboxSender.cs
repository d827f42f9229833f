using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;

namespace Sessions.Web.Infrastructure.Email;

/// <summary>
/// Delivers the outbox. A batch of rows is claimed (Pending → Sending, with a lease) by ONE conditional
/// UPDATE before any of it is sent, so two workers never send the same row; a row left in Sending after a
/// crash is claimable again once its lease has run out. The batch goes out over one SMTP connection and
/// its results are written together, in one transaction, when it ends (or when the run is stopped).
/// Failures are retried with exponential backoff; a permanent refusal (5xx, bad address) or the last
/// attempt marks the row Failed. The relay's per-minute limit (<see cref="RelayBudget"/>) caps how many
/// rows a run claims; the next run goes on.
/// </summary>
public sealed class OutboxSender(SessionsDbContext db, IEmailTransportFactory transports, RelayBudget budget, TimeProvider clock, ILogger<OutboxSender> logger)
{
    public const int BatchSize = 100;
    public const int MaxAttempts = 8;

    /// <summary>
    /// Results are written every this many messages (and at the end of the batch): a commit per message would cap
    /// the rate, a commit per batch would leave a whole batch to send again after a crash. A graceful stop records
    /// everything sent; a crash (kill -9) can leave at most this many per sender sent but still marked Sending.
    /// </summary>
    public const int RecordEvery = 20;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    // A message may take up to the SMTP timeout (30 s); none is started that could outlive the lease.
    private static readonly TimeSpan _leaseMargin = TimeSpan.FromSeconds(45);

    /// <summary>The wait before attempt n+1 after n failures: 30 s, 1, 2, 4, 8... minutes, at most 2 hours.</summary>
    public static TimeSpan Backoff(int failedAttempts) =>
        TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Max(0, failedAttempts - 1)), 7200));

    /// <summary>Sends every due row, batch by batch, within the relay's budget; returns how many were sent.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var allowed = budget.Reserve(BatchSize);
            if (allowed == 0)
            {
                logger.LogInformation("The relay's limit of {Limit} messages a minute is reached; the next run goes on.", budget.MessagesPerMinute);
                break;
            }

            var (batch, leaseUntil) = await ClaimBatchAsync(allowed);
            budget.Release(allowed - batch.Count);
            if (batch.Count == 0)
            {
                break;
            }

            var (batchSent, connectionLost, relayDown) = await SendBatchAsync(batch, leaseUntil, cancellationToken);
            sent += batchSent;
            if (relayDown)
            {
                // Rows not claimed yet are not charged an attempt against a relay that is down; the next run tries again.
                break;
            }

            // Fewer rows than asked for: nothing else was due, unless a lost connection gave some back.
            if (batch.Count < allowed && !connectionLost)
            {
                break;
            }
        }

        return sent;
    }

    /// <summary>
    /// Takes up to <paramref name="take"/> due rows with a conditional UPDATE (the condition is in the UPDATE itself,
    /// so of two workers only one changes a row): first rows whose sender's lease ran out (few), then Pending rows,
    /// most overdue first, in the order of the (Status, NextAttemptAt) index, so a claim reads about as many index
    /// entries as it takes even with 100,000 rows waiting. The lease instant carries a random tail of ticks that
    /// marks this claim, and the rows holding it are read back. Not cancellable: once claimed, rows must be read.
    /// </summary>
    private async Task<(List<OutboundEmail> Batch, DateTime LeaseUntil)> ClaimBatchAsync(int take)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + Lease + TimeSpan.FromTicks(Random.Shared.NextInt64(1, TimeSpan.TicksPerSecond));
        var claimed = await db.OutboundEmails
            .Where(e => e.Status == DeliveryStatus.Sending && e.LeaseUntil < now)
            .OrderBy(e => e.Id)
            .Take(take)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, DeliveryStatus.Sending).SetProperty(e => e.LeaseUntil, leaseUntil), CancellationToken.None);
        if (claimed < take)
        {
            claimed += await db.OutboundEmails
                .Where(e => e.Status == DeliveryStatus.Pending && e.NextAttemptAt <= now)
                .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)
                .Take(take - claimed)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, DeliveryStatus.Sending).SetProperty(e => e.LeaseUntil, leaseUntil), CancellationToken.None);
        }

        if (claimed == 0)
        {
            return ([], leaseUntil);
        }

        var batch = await db.OutboundEmails.AsNoTracking()
            .Where(e => e.Status == DeliveryStatus.Sending && e.LeaseUntil == leaseUntil)
            .OrderBy(e => e.Id)
            .ToListAsync(CancellationToken.None);
        return (batch, leaseUntil);
    }

    private async Task<(int Sent, bool ConnectionLost, bool RelayDown)> SendBatchAsync(List<OutboundEmail> batch, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        var results = new BatchResults();
        IEmailTransport transport;
        try
        {
            transport = await transports.OpenAsync(cancellationToken);
        }
        catch (EmailDeliveryException e)
        {
            logger.LogWarning("Mail relay unavailable, {Count} messages will be retried: {Error}", batch.Count, e.Message);
            foreach (var email in batch)
            {
                results.Failures.Add((email, e));
            }

            await RecordAsync(results, leaseUntil);
            return (0, false, true);
        }
        catch (OperationCanceledException)
        {
            results.Released.AddRange(batch);
            await RecordAsync(results, leaseUntil);
            throw;
        }

        var connectionLost = false;
        try
        {
            await using (transport)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    if (results.Sent.Count >= RecordEvery)
                    {
                        await RecordAsync(results, leaseUntil);
                    }

                    var email = batch[i];
                    if (cancellationToken.IsCancellationRequested || clock.GetUtcNow().UtcDateTime > leaseUntil - _leaseMargin)
                    {
                        // Shutting down, or the batch is slow: give the rest back rather than risk a second sender taking them too.
                        results.Released.AddRange(batch.Skip(i));
                        break;
                    }

                    try
                    {
                        var messageId = await transport.SendAsync(email, cancellationToken);
                        results.Sent.Add((email, messageId, clock.GetUtcNow().UtcDateTime));
                    }
                    catch (EmailDeliveryException e)
                    {
                        results.Failures.Add((email, e));
                        if (!e.Permanent && !transport.IsOpen)
                        {
                            // The relay cut the connection: the rest were not tried, so they cost no attempt; the next claim opens a new one.
                            logger.LogWarning("The connection to the mail relay was lost; {Count} messages go back to the queue.", batch.Count - i - 1);
                            results.Released.AddRange(batch.Skip(i + 1));
                            connectionLost = true;
                            break;
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        // The message being sent may or may not have reached the relay: it goes back, and may be sent twice.
                        results.Released.AddRange(batch.Skip(i));
                        throw;
                    }
                    catch (Exception e)
                    {
                        // Anything unforeseen counts as an attempt, so a message that always breaks ends Failed after MaxAttempts
                        // instead of coming back every time its lease runs out.
                        logger.LogError(e, "Email {Id}: unexpected error while sending", email.Id);
                        results.Failures.Add((email, new EmailDeliveryException(e.Message, permanent: false, e)));
                    }
                }
            }
        }
        finally
        {
            await RecordAsync(results, leaseUntil);
        }

        return (results.SentTotal, connectionLost, false);
    }

    private sealed class BatchResults
    {
        public List<(OutboundEmail Email, string MessageId, DateTime At)> Sent { get; } = [];
        public List<(OutboundEmail Email, EmailDeliveryException Error)> Failures { get; } = [];
        public List<OutboundEmail> Released { get; } = [];

        public int SentTotal { get; private set; }

        public void Clear()
        {
            SentTotal += Sent.Count;
            Sent.Clear();
            Failures.Clear();
            Released.Clear();
        }
    }

    /// <summary>
    /// Writes what happened to a batch in one transaction (one commit instead of one per message). Only rows this
    /// run still holds (Sending, with its lease) are changed. Never cancelled: a sent message must be recorded.
    /// </summary>
    private async Task RecordAsync(BatchResults results, DateTime leaseUntil)
    {
        if (results.Sent.Count + results.Failures.Count + results.Released.Count == 0)
        {
            return;
        }

        var none = CancellationToken.None;
        await using var transaction = await db.Database.BeginTransactionAsync(none);
        foreach (var (email, messageId, at) in results.Sent)
        {
            await db.OutboundEmails.Where(e => e.Id == email.Id && e.Status == DeliveryStatus.Sending && e.LeaseUntil == leaseUntil).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, DeliveryStatus.Sent)
                .SetProperty(e => e.SentAt, at)
                .SetProperty(e => e.MessageId, messageId)
                .SetProperty(e => e.Attempts, e => e.Attempts + 1)
                .SetProperty(e => e.LeaseUntil, (DateTime?)null)
                .SetProperty(e => e.LastError, (string?)null), none);
        }

        foreach (var (email, error) in results.Failures)
        {
            var attempts = email.Attempts + 1;
            var failed = error.Permanent || attempts >= MaxAttempts;
            var next = clock.GetUtcNow().UtcDateTime + Backoff(attempts);
            var message = error.Message.Length > 2000 ? error.Message[..2000] : error.Message;
            logger.LogWarning("Email {Id} to {Address}: attempt {Attempt} failed{Final}: {Error}", email.Id, email.ToAddress, attempts, failed ? " for good" : "", message);
            await db.OutboundEmails.Where(e => e.Id == email.Id && e.Status == DeliveryStatus.Sending && e.LeaseUntil == leaseUntil).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, failed ? DeliveryStatus.Failed : DeliveryStatus.Pending)
                .SetProperty(e => e.Attempts, attempts)
                .SetProperty(e => e.NextAttemptAt, next)
                .SetProperty(e => e.LeaseUntil, (DateTime?)null)
                .SetProperty(e => e.LastError, message), none);
        }

        if (results.Released.Count > 0)
        {
            // Back to Pending as they were: no attempt counted.
            var ids = results.Released.Select(e => e.Id).ToList();
            await db.OutboundEmails
                .Where(e => ids.Contains(e.Id) && e.Status == DeliveryStatus.Sending && e.LeaseUntil == leaseUntil)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, DeliveryStatus.Pending).SetProperty(e => e.LeaseUntil, (DateTime?)null), none);
        }

        await transaction.CommitAsync(none);
        results.Clear();
    }
}
