using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;

namespace Sessions.Core.Registration;

/// <summary>What a decision writes on a delegation: the same four values whether one delegation or a thousand are decided.</summary>
public sealed record DelegationDecided(RegistrationStatus Status, DateTime DecidedAt, string DecidedByUserId, string? RejectionReason);

/// <summary>
/// The secretariat's decision on a delegation, written once: only a submitted delegation is decided, a rejection
/// needs its reason, and the decision reaches the delegation's participants as <see cref="ForParticipants"/> says.
/// <see cref="Delegation.Approve"/> and <see cref="Delegation.Reject"/> apply it to one tracked delegation;
/// <see cref="ApplyAsync"/> to many with one UPDATE.
/// </summary>
public sealed class DelegationDecision
{
    public static readonly DelegationDecision Approval = new(RegistrationStatus.Approved, ParticipantDecision.Approval);
    public static readonly DelegationDecision Rejection = new(RegistrationStatus.Rejected, ParticipantDecision.Rejection);

    /// <summary>The only status a decision may be taken on.</summary>
    public static readonly RegistrationStatus TakenOn = RegistrationStatus.Submitted;

    private DelegationDecision(RegistrationStatus outcome, ParticipantDecision forParticipants)
    {
        Outcome = outcome;
        ForParticipants = forParticipants;
    }

    public RegistrationStatus Outcome { get; }

    /// <summary>What the decision does to the delegation's participants.</summary>
    public ParticipantDecision ForParticipants { get; }

    public static bool MayBeTakenOn(RegistrationStatus status) => status == TakenOn;

    /// <summary>The values the decision writes; refuses a rejection without a reason.</summary>
    public DelegationDecided Take(string byUserId, DateTime at, string? reason)
    {
        if (ForParticipants.RecordsReason && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Give the reason for the rejection.");
        }

        return new DelegationDecided(Outcome, at, byUserId, ForParticipants.Reason(reason));
    }

    /// <summary>
    /// Writes <paramref name="decided"/> on those of <paramref name="delegations"/> a decision may still be taken on,
    /// in one UPDATE; returns how many it changed (fewer than asked: someone changed one since it was read).
    /// </summary>
    public static Task<int> ApplyAsync(IQueryable<Delegation> delegations, DelegationDecided decided, CancellationToken cancellationToken) =>
        delegations.Where(d => d.Status == TakenOn).ExecuteUpdateAsync(
            set => set
                .SetProperty(d => d.Status, decided.Status)
                .SetProperty(d => d.DecidedAt, decided.DecidedAt)
                .SetProperty(d => d.DecidedByUserId, decided.DecidedByUserId)
                .SetProperty(d => d.RejectionReason, decided.RejectionReason)
                .SetProperty(d => d.Version, Guid.NewGuid()),
            cancellationToken);
}
