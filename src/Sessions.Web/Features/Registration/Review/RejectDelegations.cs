using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Registration;
using Sessions.Web.Features.Accounts.Account;
using Sessions.Web.Features.Registration.Delegations;
using Sessions.Web.Features.Registration.Participants;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Registration.Review;

/// <summary>
/// The secretariat rejects one or many submitted delegations with one reason: each delegation and its
/// nominees (waitlisted included) are rejected, badges revoked, and the focal points and nominees are told
/// the reason in their language, in one transaction. Delegations that are not submitted are skipped. The observer
/// places they held go to the waitlist (<see cref="PromoteFromWaitlist"/>), in the same transaction.
/// Set-based like <see cref="ApproveDelegations"/>.
/// </summary>
public static class RejectDelegations
{
    public sealed class Handler(SessionsDbContext db, NoticeWriter notices, AccountNotices links, TimeProvider clock, PromoteFromWaitlist.Handler waitlist)
    {
        public async Task<DecisionResult> HandleAsync(IReadOnlyList<int> ids, string? reason, string byUserId, CancellationToken cancellationToken = default)
        {
            var decision = DelegationDecision.Rejection;
            var decided = decision.Take(byUserId, clock.GetUtcNow().UtcDateTime, reason);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await DelegationBatch.LoadAsync(db, ids, cancellationToken);
            if (batch.Submitted.Count == 0)
            {
                return batch.Result(Cultures.Current);
            }

            await batch.DecideAsync(db, decided, cancellationToken);
            var rejected = (await decision.ForParticipants.ApplyAsync(db, batch.SubmittedIds, decided.RejectionReason, decided.DecidedAt, cancellationToken)).ToLookup(p => p.DelegationId);
            await notices.InsertManyAsync(Notices(batch, rejected, decided.RejectionReason!), cancellationToken);
            await batch.AuditAsync(db, decided, rejected, cancellationToken);
            foreach (var session in batch.SessionsDecided)
            {
                await waitlist.FillFreePlacesAsync(session);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ListOfParticipants.Forget(db, batch.Submitted.Select(d => d.SessionId));
            return batch.Result(Cultures.Current);
        }

        private IEnumerable<OutboundEmail> Notices(DelegationBatch batch, ILookup<int, DecidedParticipant> rejected, string reason)
        {
            foreach (var delegation in batch.Submitted)
            {
                var values = batch.Values(delegation, links).With(new NoticeValues { { "Reason", reason } });
                foreach (var focalPoint in batch.FocalPoints(delegation))
                {
                    yield return notices.Render(focalPoint.Email, focalPoint.Name, focalPoint.Language, NoticeKinds.DelegationRejected, values);
                }

                foreach (var participant in rejected[delegation.Id])
                {
                    yield return notices.Render(participant.Email, participant.FullName, participant.PreferredLanguage, NoticeKinds.ParticipantRejected, values);
                }
            }
        }
    }
}
