using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Participants;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Review;

/// <summary>
/// The secretariat approves one or many submitted delegations: each delegation and its participants who hold
/// a place are approved (badges issued; the waitlisted stay waitlisted), its focal points and each approved
/// participant are told in their language, and everything, notices included, is saved in one transaction.
/// Delegations that are not submitted are skipped and reported, never an error.
/// </summary>
public static class ApproveDelegations
{
    public sealed class Handler(SessionsDbContext db, NoticeWriter notices, AccountNotices links, TimeProvider clock)
    {
        public async Task<DecisionResult> HandleAsync(IReadOnlyList<int> ids, string byUserId)
        {
            var batch = await DelegationBatch.LoadAsync(db, ids);
            var now = clock.GetUtcNow().UtcDateTime;
            var decided = new List<int>();
            var skipped = batch.Missing.Select(id => new SkippedDelegation(id, null, null)).ToList();

            foreach (var delegation in batch.Delegations)
            {
                if (delegation.Status != RegistrationStatus.Submitted)
                {
                    skipped.Add(new SkippedDelegation(delegation.Id, batch.OrganisationName(delegation, Cultures.Current), delegation.Status));
                    continue;
                }

                delegation.Approve(byUserId, now);
                var approved = delegation.Participants.Where(p => p.IsActive).ToList();
                foreach (var participant in approved)
                {
                    participant.Approve();
                }

                var waitlisted = delegation.Participants.Count(p => p.Status == ParticipantStatus.Waitlisted);
                var (symbol, title) = batch.Sessions[delegation.SessionId];
                foreach (var focalPoint in batch.FocalPoints[delegation.OrganisationId])
                {
                    notices.Queue(focalPoint.Email, focalPoint.Name, focalPoint.Language, new Notice(
                        "delegation.approved",
                        "The delegation of {1} to {0} is approved",
                        ["The secretariat has approved the delegation of {1} to {0}, {2}.", "Participants approved: {3}. Still on the waitlist: {4}.", "Each approved participant receives a link to their badge; you can also print all the badges of the delegation."],
                        [symbol, batch.OrganisationName(delegation, focalPoint.Language), title, approved.Count, waitlisted])
                    { Link = (links.Absolute($"/badges/delegation/{delegation.Id}"), "Print the badges") });
                }

                foreach (var participant in approved)
                {
                    notices.Queue(participant.Email, participant.FullName, participant.PreferredLanguage, new Notice(
                        "participant.approved",
                        "Your registration for {0} is approved",
                        ["The secretariat has approved your participation in {0}, {2}, as a member of the delegation of {1}.", "Your badge is ready: print it, or show it on your phone at the entrance."],
                        [symbol, batch.OrganisationName(delegation, participant.PreferredLanguage), title])
                    { Link = (links.Absolute($"/badges/{participant.BadgeToken}"), "Open your badge") });
                }

                decided.Add(delegation.Id);
            }

            if (decided.Count > 0)
            {
                // One transaction: the decisions, the notices in the outbox and the audit entries stand or fall together.
                await using var transaction = await db.Database.BeginTransactionAsync();
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                ListOfParticipants.Forget(db, batch.Delegations.Select(d => d.SessionId));
            }

            return new DecisionResult(decided, skipped);
        }
    }
}
