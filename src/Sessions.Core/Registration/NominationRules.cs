using Sessions.Core.Common;

namespace Sessions.Core.Registration;

/// <summary>
/// Quotas, the overall observer capacity and the nomination deadline, as one decision: may this delegation
/// nominate one more person now, and does the nominee take a place or join the waitlist?
/// </summary>
public static class NominationRules
{
    /// <summary>The cap per delegation: observers by the body's quota (or the session's override), members only when the session sets one.</summary>
    public static int? QuotaFor(Capacity capacity, int bodyObserverQuota, int? sessionObserverQuota, int? sessionMemberQuota) =>
        Capacities.IsObserver(capacity) ? sessionObserverQuota ?? bodyObserverQuota : sessionMemberQuota;

    public static bool NominationsOpen(DateTime nowUtc, DateTime? nominationDeadlineUtc) =>
        nominationDeadlineUtc is null || nowUtc <= nominationDeadlineUtc;

    /// <summary>After the nomination deadline the focal point can only withdraw: nominating and editing are refused.</summary>
    public static void EnsureNominationsOpen(DateTime nowUtc, DateTime? nominationDeadlineUtc)
    {
        if (!NominationsOpen(nowUtc, nominationDeadlineUtc))
        {
            throw new DomainException("Nominations are closed: the deadline has passed. You can only withdraw now.");
        }
    }

    /// <param name="activeInDelegation">Nominees of this delegation counted against its quota (those holding a place and the waitlisted).</param>
    /// <param name="activeObserversInSession">Observers holding a place across the session, for the overall capacity.</param>
    public static ParticipantStatus Decide(
        Capacity capacity,
        DateTime nowUtc,
        DateTime? nominationDeadlineUtc,
        int? quota,
        int activeInDelegation,
        int? observerCapacity,
        int activeObserversInSession)
    {
        EnsureNominationsOpen(nowUtc, nominationDeadlineUtc);
        if (quota is not null && activeInDelegation >= quota)
        {
            throw new DomainException("Your delegation has reached its quota of {0} participants.", quota.Value);
        }

        if (Capacities.IsObserver(capacity) && observerCapacity is not null && activeObserversInSession >= observerCapacity)
        {
            return ParticipantStatus.Waitlisted;
        }

        return ParticipantStatus.Nominated;
    }
}
