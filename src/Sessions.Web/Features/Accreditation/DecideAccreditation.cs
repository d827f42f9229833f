using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Email;

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

    public sealed class Handler(SessionsDbContext db, AccreditationNotices.Handler notices, AccountNotices links, TimeProvider clock)
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
            var link = (links.Absolute("/accreditation"), "See the accreditation of your organisations");
            switch (decision)
            {
                case Decision.Grant:
                    accreditation.Grant(byUserId, now);
                    await notices.QueueAsync(accreditation, (organisation, subject) => new Notice(
                        "accreditation.granted",
                        "Accreditation of {0} granted",
                        ["The secretariat has granted the accreditation of {0} ({1}).", "The organisation can now register observers to the sessions this accreditation covers."],
                        [organisation, subject])
                    { Link = link });
                    break;
                case Decision.Reject:
                    accreditation.Reject(byUserId, now, command.Reason);
                    await notices.QueueAsync(accreditation, (organisation, subject) => new Notice(
                        "accreditation.rejected",
                        "Application for accreditation of {0} not granted",
                        ["The secretariat did not grant the application of {0} for accreditation ({1}).", "Reason given by the secretariat: {2}", "The organisation may apply again once the reason has been addressed."],
                        [organisation, subject, command.Reason!.Trim()])
                    { Link = link });
                    break;
                case Decision.Suspend:
                    accreditation.Suspend(byUserId, now, command.Reason);
                    await notices.QueueAsync(accreditation, (organisation, subject) => new Notice(
                        "accreditation.suspended",
                        "Accreditation of {0} suspended",
                        ["The secretariat has suspended the accreditation of {0} ({1}).", "Reason given by the secretariat: {2}", "While it is suspended, the organisation cannot register observers under this accreditation."],
                        [organisation, subject, command.Reason!.Trim()])
                    { Link = link });
                    break;
                case Decision.Withdraw:
                    accreditation.Withdraw(byUserId, now, command.Reason);
                    await notices.QueueAsync(accreditation, (organisation, subject) => new Notice(
                        "accreditation.withdrawn",
                        "Accreditation of {0} withdrawn",
                        ["The secretariat has withdrawn the accreditation of {0} ({1}).", "Reason given by the secretariat: {2}"],
                        [organisation, subject, command.Reason!.Trim()])
                    { Link = link });
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
    }
}
