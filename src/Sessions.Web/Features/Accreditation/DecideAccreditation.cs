using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;

namespace Sessions.Web.Features.Accreditation;

/// <summary>
/// The secretariat grants or rejects an application, later suspends or withdraws an accreditation. Each
/// decision is recorded in the history by the entity and notified to the organisation's focal points.
/// </summary>
public static class DecideAccreditation
{
    public enum Decision
    {
        Grant,
        Reject,
        Suspend,
        Withdraw,
    }

    public enum Outcome
    {
        Done,
        NotFound,
        Conflict,
    }

    public sealed class Command
    {
        public Guid Version { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Handler(SessionsDbContext db, AccreditationNotices.Handler notices, TimeProvider clock)
    {
        /// <summary>A transition the rules refuse throws a DomainException the page shows.</summary>
        public async Task<Outcome> HandleAsync(int id, Decision decision, Command command, string byUserId)
        {
            var accreditation = await db.Accreditations.SingleOrDefaultAsync(a => a.Id == id);
            if (accreditation is null)
            {
                return Outcome.NotFound;
            }

            if (accreditation.Version != command.Version)
            {
                return Outcome.Conflict;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            switch (decision)
            {
                case Decision.Grant:
                    accreditation.Grant(byUserId, now);
                    await notices.QueueAsync(accreditation, NoticeKinds.AccreditationGranted);
                    break;
                case Decision.Reject:
                    accreditation.Reject(byUserId, now, command.Reason);
                    await notices.QueueAsync(accreditation, NoticeKinds.AccreditationRejected, Reason(command));
                    break;
                case Decision.Suspend:
                    accreditation.Suspend(byUserId, now, command.Reason);
                    await notices.QueueAsync(accreditation, NoticeKinds.AccreditationSuspended, Reason(command));
                    break;
                case Decision.Withdraw:
                    accreditation.Withdraw(byUserId, now, command.Reason);
                    await notices.QueueAsync(accreditation, NoticeKinds.AccreditationWithdrawn, Reason(command));
                    break;
            }

            db.Entry(accreditation).Property(a => a.Version).OriginalValue = command.Version;
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome.Conflict;
            }

            return Outcome.Done;
        }

        private static NoticeValues Reason(Command command) => new() { { "Reason", command.Reason!.Trim() } };
    }
}
