using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Registration;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Features.Delegations;
using Sessions.Web.Features.Participants;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Review;

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
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new DomainException("Give the reason for the rejection.");
            }

            reason = reason.Trim();
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await DelegationBatch.LoadAsync(db, ids, cancellationToken);
            if (batch.Submitted.Count == 0)
            {
                return batch.Result(Cultures.Current);
            }

            await batch.DecideAsync(db, RegistrationStatus.Rejected, byUserId, now, reason, cancellationToken);
            var rejected = (await ParticipantDecisions.RejectAsync(db, batch.SubmittedIds, reason, now, cancellationToken)).ToLookup(p => p.DelegationId);
            await notices.InsertManyAsync(Notices(batch, rejected, reason), cancellationToken);
            await batch.AuditAsync(db, RegistrationStatus.Rejected, byUserId, now, reason, rejected, cancellationToken);
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
