using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;

namespace Sessions.Web.Infrastructure.Email;

/// <summary>
/// Delivers the outbox. Each row is claimed (Pending → Sending, with a lease) by a conditional UPDATE
/// before it is sent, so two workers never send the same row; a row left in Sending after a crash is
/// claimable again once its lease has run out. Failures are retried with exponential backoff; a
/// permanent refusal (5xx, bad address) or the last attempt marks the row Failed.
/// </summary>
public sealed class OutboxSender(SessionsDbContext db, IEmailTransportFactory transports, TimeProvider clock, ILogger<OutboxSender> logger)
{
    public const int BatchSize = 50;
    public const int MaxAttempts = 8;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>The wait before attempt n+1 after n failures: 30 s, 1, 2, 4, 8... minutes, at most 2 hours.</summary>
    public static TimeSpan Backoff(int failedAttempts) =>
        TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Max(0, failedAttempts - 1)), 7200));

    /// <summary>Sends every due row, batch by batch; returns how many were sent.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await ClaimBatchAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            sent += await SendBatchAsync(batch, cancellationToken);
            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        return sent;
    }

    private async Task<List<OutboundEmail>> ClaimBatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.OutboundEmails.AsNoTracking()
            .Where(e => (e.Status == DeliveryStatus.Pending && e.NextAttemptAt <= now) || (e.Status == DeliveryStatus.Sending && e.LeaseUntil < now))
            .OrderBy(e => e.Id)
            .Select(e => e.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var claimed = new List<long>(candidates.Count);
        var leaseUntil = now + Lease;
        foreach (var id in candidates)
        {
            var rows = await db.OutboundEmails
                .Where(e => e.Id == id && ((e.Status == DeliveryStatus.Pending && e.NextAttemptAt <= now) || (e.Status == DeliveryStatus.Sending && e.LeaseUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, DeliveryStatus.Sending).SetProperty(e => e.LeaseUntil, leaseUntil), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }

        return await db.OutboundEmails.AsNoTracking().Where(e => claimed.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }

    private async Task<int> SendBatchAsync(List<OutboundEmail> batch, CancellationToken cancellationToken)
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
                await RecordFailureAsync(email, e, cancellationToken);
            }

            return 0;
        }

        var sent = 0;
        await using (transport)
        {
            foreach (var email in batch)
            {
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
                    await RecordFailureAsync(email, e, cancellationToken);
                }
            }
        }

        return sent;
    }

    private async Task RecordFailureAsync(OutboundEmail email, EmailDeliveryException error, CancellationToken cancellationToken)
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
            .SetProperty(e => e.LastError, message), cancellationToken);
    }
}
