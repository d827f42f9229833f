using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Registration.Review;

/// <summary>
/// What a decision on ticked delegations will do, counted as <see cref="ApproveDelegations"/> and
/// <see cref="RejectDelegations"/> count: only the submitted ones are decided, their focal points and the
/// participants the decision is taken on are told by email, the others are left as they are.
/// </summary>
public static class ConfirmDecision
{
    public sealed class Handler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(IReadOnlyList<int> ids, DelegationDecision decision, string? reason, string cancelUrl, CancellationToken cancellationToken = default)
        {
            var batch = await DelegationBatch.LoadAsync(db, ids, cancellationToken);
            if (batch.Delegations.Count == 0)
            {
                return null;
            }

            var submitted = batch.SubmittedIds;
            var takenOn = decision.ForParticipants.TakenOn;
            var participants = await db.Participants.AsNoTracking()
                .CountAsync(p => submitted.Contains(p.DelegationId) && takenOn.Contains(p.Status), cancellationToken);
            var focalPoints = batch.Submitted.Sum(d => batch.FocalPoints(d).Count());
            var approving = decision == DelegationDecision.Approval;
            List<string> consequences = approving
                ?
                [
                    t.Plural("{0} delegations will be approved.", submitted.Count),
                    t.Plural("{0} participants holding a place will be approved, receive their badge and be told by email.", participants),
                ]
                :
                [
                    t.Plural("{0} delegations will be rejected.", submitted.Count),
                    t.Plural("{0} participants, waitlisted included, will be rejected and told the reason by email.", participants),
                    t["The reason given: {0}", reason ?? ""],
                ];
            consequences.Add(t.Plural("{0} focal points will be told by email.", focalPoints));
            if (batch.Delegations.Count > submitted.Count)
            {
                consequences.Add(t.Plural("{0} of the delegations chosen are not submitted and will be left as they are.", batch.Delegations.Count - submitted.Count));
            }

            return new Confirmation(
                approving ? t.Plural("Approve {0} delegations?", submitted.Count) : t.Plural("Reject {0} delegations?", submitted.Count),
                consequences,
                approving ? t["Approve"] : t["Reject"],
                cancelUrl)
            {
                Destructive = !approving,
            };
        }
    }
}
