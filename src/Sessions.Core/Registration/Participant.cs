using System.Security.Cryptography;
using Sessions.Core.Common;

namespace Sessions.Core.Registration;

public enum ParticipantStatus
{
    Nominated = 1,
    Confirmed = 2,
    Approved = 3,
    Rejected = 4,
    Waitlisted = 5,
    Withdrawn = 6,
}

public enum ParticipantFunction
{
    HeadOfDelegation = 1,
    Alternate = 2,
    Representative = 3,
    Adviser = 4,
}

/// <summary>What a focal point types for a nominee.</summary>
public sealed record ParticipantDetails(
    string Title,
    string GivenName,
    string FamilyName,
    ParticipantFunction Function,
    string Email,
    string PreferredLanguage,
    bool ConsentToPublicList);

/// <summary>A person in a delegation.</summary>
public partial class Participant
{
    private Participant()
    {
    }

    internal Participant(ParticipantDetails details, ParticipantStatus status, DateTime at)
    {
        Update(details);
        Status = status;
        NominatedAt = at;
        ConfirmationToken = NewToken();
    }

    public int Id { get; private set; }
    public int DelegationId { get; private set; }
    public string Title { get; private set; } = "";
    public string GivenName { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    public ParticipantFunction Function { get; private set; }
    public string Email { get; private set; } = "";
    public string PreferredLanguage { get; private set; } = Languages.English;
    public bool ConsentToPublicList { get; private set; }
    public ParticipantStatus Status { get; private set; }

    /// <summary>In the room or online (<see cref="WayOfAttending"/>).</summary>
    public AttendanceMode Attendance { get; private set; } = AttendanceMode.InPerson;

    /// <summary>Order of nomination: the waitlist is promoted in this order.</summary>
    public DateTime NominatedAt { get; private set; }

    /// <summary>The secret in the link that invites the participant to confirm their details.</summary>
    public string ConfirmationToken { get; private set; } = "";

    public DateTime? ConfirmedAt { get; private set; }

    /// <summary>The secret in the badge's QR code; issued on approval, never guessable.</summary>
    public string? BadgeToken { get; private set; }

    public DateTime? BadgeRevokedAt { get; private set; }
    public string? RejectionReason { get; private set; }

    /// <summary>The participant's own account, when they have one (Delegate role): see <see cref="ParticipantAccounts"/>.</summary>
    public string? UserId { get; private set; }

    /// <summary>The secretariat undid the link to an account: linking by email skips this participant from then on.</summary>
    public bool AccountLinkUndone { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The statuses that take a place in the delegation (and count against the observer places).</summary>
    public static readonly IReadOnlyList<ParticipantStatus> HoldingAPlace = [ParticipantStatus.Nominated, ParticipantStatus.Confirmed, ParticipantStatus.Approved];

    /// <summary>
    /// Nominees still in the running: holding a place or waiting for one. A delegation's quota is a number of people, so
    /// the waitlisted count against it too, and what happens to the delegation (rejection, withdrawal) happens to them.
    /// </summary>
    public static readonly IReadOnlyList<ParticipantStatus> InTheRunning = [.. HoldingAPlace, ParticipantStatus.Waitlisted];

    /// <summary>Takes a place in the delegation (and counts against quotas).</summary>
    public bool IsActive => HoldingAPlace.Contains(Status);

    /// <summary>Holds a place or waits for one (see <see cref="InTheRunning"/>).</summary>
    public bool IsInTheRunning => InTheRunning.Contains(Status);

    public string FullName => $"{GivenName} {FamilyName}".Trim();

    public void Update(ParticipantDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.GivenName) || string.IsNullOrWhiteSpace(details.FamilyName))
        {
            throw new DomainException("Give the participant's given name and family name.");
        }

        if (string.IsNullOrWhiteSpace(details.Email) || !details.Email.Contains('@', StringComparison.Ordinal))
        {
            throw new DomainException("Enter a valid email address.");
        }

        if (!Enum.IsDefined(details.Function))
        {
            throw new DomainException("Choose the participant's function.");
        }

        var email = details.Email.Trim();
        if (!string.Equals(Email, email, StringComparison.OrdinalIgnoreCase))
        {
            // Another address is another person: the old account link and its undoing no longer apply, and the old
            // invitation link (which creates a verified account for the participant's address) must not reach the new one.
            UserId = null;
            AccountLinkUndone = false;
            if (ConfirmationToken.Length > 0)
            {
                ConfirmationToken = NewToken();
                ConfirmedAt = null;
                if (Status == ParticipantStatus.Confirmed)
                {
                    Status = ParticipantStatus.Nominated;
                }
            }
        }

        Title = details.Title.Trim();
        GivenName = details.GivenName.Trim();
        FamilyName = details.FamilyName.Trim();
        Function = details.Function;
        Email = email;
        PreferredLanguage = Languages.OrDefault(details.PreferredLanguage);
        ConsentToPublicList = details.ConsentToPublicList;
    }

    /// <summary>Links the participant to their account: <see cref="ParticipantAccounts"/> decides when that may happen.</summary>
    public void LinkAccount(string userId)
    {
        UserId = userId;
        AccountLinkUndone = false;
    }

    /// <summary>The secretariat undoes the link: the account stays, and is never linked again by email alone.</summary>
    public void UndoAccountLink()
    {
        if (UserId is null)
        {
            throw new DomainException("This participant is not linked to an account.");
        }

        UserId = null;
        AccountLinkUndone = true;
    }

    /// <summary>Sets how the participant attends; <see cref="WayOfAttending.Decide"/> says what the session allows.</summary>
    public void AttendAs(AttendanceMode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new DomainException("Choose in person or online.");
        }

        Attendance = mode;
    }

    public void Confirm(DateTime at)
    {
        if (Status is not (ParticipantStatus.Nominated or ParticipantStatus.Confirmed or ParticipantStatus.Waitlisted))
        {
            throw new DomainException("This nomination can no longer be confirmed.");
        }

        ConfirmedAt ??= at;
        if (Status == ParticipantStatus.Nominated)
        {
            Status = ParticipantStatus.Confirmed;
        }
    }

    /// <summary>Approves the participant when the grounds pass holds what the session asks (<paramref name="asked"/>).</summary>
    public void Approve(GroundsPassRequirements asked)
    {
        if (!ParticipantDecision.Approval.MayBeTakenOn(Status))
        {
            throw new DomainException("Only a nominated or confirmed participant can be approved.");
        }

        GroundsPassRequirements.Refuse([new GroundsPassHolder(FullName, asked, GroundsPass)]);

        Take(ParticipantDecision.Approval, reason: null);
    }

    public void Reject(string reason)
    {
        if (!ParticipantDecision.Rejection.MayBeTakenOn(Status))
        {
            throw new DomainException("Only a nominated, confirmed or waitlisted participant can be rejected.");
        }

        Take(ParticipantDecision.Rejection, reason);
    }

    public void Withdraw(DateTime at)
    {
        Status = ParticipantStatus.Withdrawn;
        RevokeBadge(at);
    }

    /// <summary>A waitlisted nominee takes a freed place.</summary>
    public void Promote()
    {
        if (Status != ParticipantStatus.Waitlisted)
        {
            throw new DomainException("Only a waitlisted participant can be promoted.");
        }

        Status = ConfirmedAt is null ? ParticipantStatus.Nominated : ParticipantStatus.Confirmed;
    }

    /// <summary>An edit by the focal point: an approved participant goes back to review.</summary>
    public void ReturnForReview()
    {
        if (Status == ParticipantStatus.Approved)
        {
            Status = ConfirmedAt is null ? ParticipantStatus.Nominated : ParticipantStatus.Confirmed;
        }
    }

    /// <summary>What <see cref="ParticipantDecision.ApplyAsync"/> does in SQL, on this one participant.</summary>
    private void Take(ParticipantDecision decision, string? reason)
    {
        Status = decision.Outcome;
        RejectionReason = decision.Reason(reason);
        if (decision.IssuesBadge)
        {
            BadgeToken ??= NewToken();
            BadgeRevokedAt = null;
        }
        else
        {
            RevokeBadge(null);
        }
    }

    public void RevokeBadge(DateTime? at)
    {
        if (BadgeToken is not null)
        {
            BadgeRevokedAt = at ?? DateTime.UtcNow;
        }
    }

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
