using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

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

    /// <summary>What a rejection, suspension or withdrawal will do: the focal points who will be told the reason, counted as <see cref="AccreditationNotices"/> counts them.</summary>
    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(int id, Decision decision, string reason)
        {
            var language = Cultures.Current;
            var accreditation = await db.Accreditations.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new
                {
                    a.OrganisationId,
                    Organisation = db.Organisations.Where(o => o.Id == a.OrganisationId)
                        .Select(o => o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name).Single(),
                })
                .SingleOrDefaultAsync();
            if (accreditation is null)
            {
                return null;
            }

            var focalPoints = await db.FocalPointRecipients([accreditation.OrganisationId]).CountAsync();
            var (question, consequence, act) = decision switch
            {
                Decision.Reject => (t["Reject the application of {0} for accreditation?", accreditation.Organisation], t["The application will be rejected."], t["Reject the application"]),
                Decision.Suspend => (t["Suspend the accreditation of {0}?", accreditation.Organisation], t["The accreditation will be suspended until it is granted again or withdrawn."], t["Suspend the accreditation"]),
                _ => (t["Withdraw the accreditation of {0}?", accreditation.Organisation], t["The accreditation will be withdrawn. This cannot be undone."], t["Withdraw the accreditation"]),
            };
            return new Confirmation(
                question,
                [
                    consequence,
                    t.Plural("The {0} focal points of the organisation will be told the reason by email.", focalPoints),
                    t["The reason given: {0}", reason],
                ],
                act,
                $"/accreditation/{id}");
        }
    }
}
