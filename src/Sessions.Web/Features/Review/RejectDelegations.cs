using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Participants;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Review;

/// <summary>
/// The secretariat rejects one or many submitted delegations with one reason: each delegation and its
/// nominees (waitlisted included) are rejected, badges revoked, and the focal points and nominees are told
/// the reason in their language, in one transaction. Delegations that are not submitted are skipped.
/// </summary>
public static class RejectDelegations
{
    public sealed class Handler(SessionsDbContext db, NoticeWriter notices, AccountNotices links, TimeProvider clock)
    {
        public async Task<DecisionResult> HandleAsync(IReadOnlyList<int> ids, string? reason, string byUserId)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new DomainException("Give the reason for the rejection.");
            }

            reason = reason.Trim();
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

                delegation.Reject(byUserId, now, reason);
                var concerned = delegation.Participants.Where(p => p.IsActive || p.Status == ParticipantStatus.Waitlisted).ToList();
                foreach (var participant in concerned)
                {
                    participant.Reject(reason);
                }

                var (symbol, title) = batch.Sessions[delegation.SessionId];
                foreach (var focalPoint in batch.FocalPoints[delegation.OrganisationId])
                {
                    notices.Queue(focalPoint.Email, focalPoint.Name, focalPoint.Language, new Notice(
                        "delegation.rejected",
                        "The delegation of {2} to {0} was not approved",
                        ["The secretariat did not approve the delegation of {2} to {0}, {3}.", "Reason: {1}", "You can correct the delegation and submit it again."],
                        [symbol, reason, batch.OrganisationName(delegation, focalPoint.Language), title])
                    { Link = (links.Absolute("/delegations"), "Go to your delegations") });
                }

                foreach (var participant in concerned)
                {
                    notices.Queue(participant.Email, participant.FullName, participant.PreferredLanguage, new Notice(
                        "participant.rejected",
                        "Your registration for {0} was not approved",
                        ["The secretariat did not approve the delegation of {2} to {0}, {3}, in which you were nominated.", "Reason: {1}", "The focal point of your organisation can tell you more."],
                        [symbol, reason, batch.OrganisationName(delegation, participant.PreferredLanguage), title]));
                }

                decided.Add(delegation.Id);
            }

            if (decided.Count > 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                ListOfParticipants.Forget(db, batch.Delegations.Select(d => d.SessionId));
            }

            return new DecisionResult(decided, skipped);
        }
    }
}
