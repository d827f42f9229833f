using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Registration;
using Sessions.Web.Features.Accounts.Account;
using Sessions.Web.Features.Registration.Participants;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Registration.Review;

/// <summary>
/// The secretariat approves one or many submitted delegations: each delegation and its participants who hold
/// a place are approved (badges issued; the waitlisted stay waitlisted), its focal points and each approved
/// participant are told in their language, and everything, notices and audit included, is saved in one
/// transaction. Delegations that are not submitted are skipped and reported, never an error.
/// Set-based, for a thousand delegations at once: one UPDATE for the delegations, one per 500 delegations for
/// their participants, the notices and audit entries through one prepared INSERT each.
/// </summary>
public static class ApproveDelegations
{
    public sealed class Handler(SessionsDbContext db, NoticeWriter notices, AccountNotices links, TimeProvider clock)
    {
        public async Task<DecisionResult> HandleAsync(IReadOnlyList<int> ids, string byUserId, CancellationToken cancellationToken = default)
        {
            var decision = DelegationDecision.Approval;
            var decided = decision.Take(byUserId, clock.GetUtcNow().UtcDateTime, reason: null);

            // Read inside the transaction too: on SQLite it holds the write lock from the start, so what is decided is what was read.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await DelegationBatch.LoadAsync(db, ids, cancellationToken);
            if (batch.Submitted.Count == 0)
            {
                return batch.Result(Cultures.Current);
            }

            await batch.DecideAsync(db, decided, cancellationToken);
            var approved = (await decision.ForParticipants.ApplyAsync(db, batch.SubmittedIds, decided.RejectionReason, decided.DecidedAt, cancellationToken)).ToLookup(p => p.DelegationId);
            var submittedIds = batch.SubmittedIds;
            var waitlisted = await db.Participants.AsNoTracking()
                .Where(p => submittedIds.Contains(p.DelegationId) && p.Status == ParticipantStatus.Waitlisted)
                .GroupBy(p => p.DelegationId)
                .Select(g => new { DelegationId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.DelegationId, g => g.Count, cancellationToken);

            await notices.InsertManyAsync(Notices(batch, approved, waitlisted), cancellationToken);
            await batch.AuditAsync(db, decided, approved, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            ListOfParticipants.Forget(db, batch.Submitted.Select(d => d.SessionId));
            return batch.Result(Cultures.Current);
        }

        private IEnumerable<OutboundEmail> Notices(DelegationBatch batch, ILookup<int, DecidedParticipant> approved, Dictionary<int, int> waitlisted)
        {
            foreach (var delegation in batch.Submitted)
            {
                var values = batch.Values(delegation, links);
                var toFocalPoints = values.With(new NoticeValues
                {
                    { "ApprovedCount", approved[delegation.Id].Count() },
                    { "WaitlistedCount", waitlisted.GetValueOrDefault(delegation.Id) },
                    { "BadgesLink", new NoticeValue.Link(links.Absolute($"/badges/delegation/{delegation.Id}")) },
                });
                foreach (var focalPoint in batch.FocalPoints(delegation))
                {
                    yield return notices.Render(focalPoint.Email, focalPoint.Name, focalPoint.Language, NoticeKinds.DelegationApproved, toFocalPoints);
                }

                foreach (var participant in approved[delegation.Id])
                {
                    yield return notices.Render(participant.Email, participant.FullName, participant.PreferredLanguage, NoticeKinds.ParticipantApproved, values.With(new NoticeValues
                    {
                        { "BadgeLink", new NoticeValue.Link(links.Absolute($"/badges/{participant.BadgeToken}")) },
                        { "AccountLink", new NoticeValue.Link(links.Absolute($"/participants/confirm/{participant.ConfirmationToken}#account")) },
                    }));
                }
            }
        }
    }
}
