using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;

namespace Sessions.Web.Infrastructure.Email;

/// <summary>
/// Delivers the outbox. Each row is claimed (Pending → Sending, with a lease) by a conditional UPDATE
/// before it is sent, so two workers never send the same row; a row left in Sending after a crash is
/// claimable again once its lease has run out. Failures are retried with exponential backoff; a
/// permanent refusal (5xx, bad address) or the last attempt marks the row Failed. The relay's
/// per-minute limit (<see cref="RelayBudget"/>) caps how many rows a run claims; the next run goes on.
/// </summary>
public sealed class OutboxSender(SessionsDbContext db, IEmailTransportFactory transports, RelayBudget budget, TimeProvider clock, ILogger<OutboxSender> logger)
{
    public const int BatchSize = 50;
    public const int MaxAttempts = 8;
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

            var (due, batch, leaseUntil) = await ClaimBatchAsync(allowed, cancellationToken);
            budget.Release(allowed - batch.Count);
            var connectionLost = false;
            if (batch.Count > 0)
            {
                (var batchSent, connectionLost) = await SendBatchAsync(batch, leaseUntil, cancellationToken);
                sent += batchSent;
            }

            // Fewer due rows than asked for: nothing is left, unless a lost connection gave some back. Claiming
            // fewer than that only means another sender took some of them; there may be more behind, so go on.
            if (due < allowed && !connectionLost)
            {
                break;
            }
        }

        return sent;
    }

    private async Task<(int Due, List<OutboundEmail> Batch, DateTime LeaseUntil)> ClaimBatchAsync(int take, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.OutboundEmails.AsNoTracking()
            .Where(e => (e.Status == DeliveryStatus.Pending && e.NextAttemptAt <= now) || (e.Status == DeliveryStatus.Sending && e.LeaseUntil < now))
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .Take(take)
            .ToListAsync(cancellationToken);

        var claimed = new List<long>(candidates.Count);
        var leaseUntil = now + Lease;
        foreach (var id in candidates)
        {
            // The same condition again, in the UPDATE itself: of two workers, only one changes the row.
            var rows = await db.OutboundEmails
                .Where(e => e.Id == id && ((e.Status == DeliveryStatus.Pending && e.NextAttemptAt <= now) || (e.Status == DeliveryStatus.Sending && e.LeaseUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, DeliveryStatus.Sending).SetProperty(e => e.LeaseUntil, leaseUntil), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }

        var batch = await db.OutboundEmails.AsNoTracking().Where(e => claimed.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return (candidates.Count, batch, leaseUntil);
    }

    private async Task<(int Sent, bool ConnectionLost)> SendBatchAsync(List<OutboundEmail> batch, DateTime leaseUntil, CancellationToken cancellationToken)
    {
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
                await RecordFailureAsync(email, e);
            }

            return (0, false);
        }
        catch (OperationCanceledException)
        {
            await ReleaseAsync(batch, leaseUntil);
            throw;
        }

        var sent = 0;
        await using (transport)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var email = batch[i];
                if (cancellationToken.IsCancellationRequested || clock.GetUtcNow().UtcDateTime > leaseUntil - _leaseMargin)
                {
                    // Shutting down, or the batch is slow: give the rest back rather than risk a second sender taking them too.
                    await ReleaseAsync(batch.Skip(i), leaseUntil);
                    break;
                }

                try
                {
                    var messageId = await transport.SendAsync(email, cancellationToken);
                    var at = clock.GetUtcNow().UtcDateTime;
                    await db.OutboundEmails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(e => e.Status, DeliveryStatus.Sent)
                        .SetProperty(e => e.SentAt, at)
                        .SetProperty(e => e.MessageId, messageId)
                        .SetProperty(e => e.Attempts, email.Attempts + 1)
                        .SetProperty(e => e.LeaseUntil, (DateTime?)null)
                        .SetProperty(e => e.LastError, (string?)null), CancellationToken.None);
                    sent++;
                }
                catch (EmailDeliveryException e)
                {
                    await RecordFailureAsync(email, e);
                    if (!e.Permanent && !transport.IsOpen)
                    {
                        // The relay cut the connection: the rest were not tried, so they cost no attempt; the next claim opens a new one.
                        logger.LogWarning("The connection to the mail relay was lost; {Count} messages go back to the queue.", batch.Count - i - 1);
                        await ReleaseAsync(batch.Skip(i + 1), leaseUntil);
                        return (sent, true);
                    }
                }
                catch (OperationCanceledException)
                {
                    await ReleaseAsync(batch.Skip(i), leaseUntil);
                    throw;
                }
                catch (Exception e)
                {
                    // Anything unforeseen counts as an attempt, so a message that always breaks ends Failed after MaxAttempts
                    // instead of coming back every time its lease runs out.
                    logger.LogError(e, "Email {Id}: unexpected error while sending", email.Id);
                    await RecordFailureAsync(email, new EmailDeliveryException(e.Message, permanent: false, e));
                }
            }
        }

        return (sent, false);
    }

    /// <summary>Puts claimed rows back to Pending as they were (no attempt counted), if this run still holds them.</summary>
    private async Task ReleaseAsync(IEnumerable<OutboundEmail> emails, DateTime leaseUntil)
    {
        var ids = emails.Select(e => e.Id).ToList();
        await db.OutboundEmails
            .Where(e => ids.Contains(e.Id) && e.Status == DeliveryStatus.Sending && e.LeaseUntil == leaseUntil)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, DeliveryStatus.Pending).SetProperty(e => e.LeaseUntil, (DateTime?)null), CancellationToken.None);
    }

    private async Task RecordFailureAsync(OutboundEmail email, EmailDeliveryException error)
    {
        var attempts = email.Attempts + 1;
        var failed = error.Permanent || attempts >= MaxAttempts;
        var next = clock.GetUtcNow().UtcDateTime + Backoff(attempts);
        var message = error.Message.Length > 2000 ? error.Message[..2000] : error.Message;
        logger.LogWarning("Email {Id} to {Address}: attempt {Attempt} failed{Final}: {Error}", email.Id, email.ToAddress, attempts, failed ? " for good" : "", message);
        await db.OutboundEmails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, failed ? DeliveryStatus.Failed : DeliveryStatus.Pending)
            .SetProperty(e => e.Attempts, attempts)
            .SetProperty(e => e.NextAttemptAt, next)
            .SetProperty(e => e.LeaseUntil, (DateTime?)null)
            .SetProperty(e => e.LastError, message), CancellationToken.None);
    }
}
