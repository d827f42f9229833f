using Sessions.Core.Common;

namespace Sessions.Core.Registration;

public enum RegistrationStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Rejected = 4,
    Withdrawn = 5,
}

/// <summary>
/// An organisation's delegation to a session ("registration" in DESIGN.md): its capacity, its letter
/// (credentials for member States, nomination for observers) and its participants.
/// </summary>
public class Delegation
{
    private readonly List<Participant> _participants = [];

    private Delegation()
    {
    }

    public Delegation(int sessionId, int organisationId, Capacity capacity, string createdByUserId, DateTime at)
    {
        SessionId = sessionId;
        OrganisationId = organisationId;
        Capacity = capacity;
        CreatedByUserId = createdByUserId;
        CreatedAt = at;
        Status = RegistrationStatus.Draft;
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public int OrganisationId { get; private set; }
    public Capacity Capacity { get; private set; }
    public RegistrationStatus Status { get; private set; }
    public Guid? LetterFileId { get; private set; }
    public string? RejectionReason { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyCollection<Participant> Participants => _participants.AsReadOnly();

    public void AttachLetter(Guid fileId)
    {
        EnsureEditable();
        LetterFileId = fileId;
        ReturnForReviewIfApproved();
    }

    /// <summary>Adds a nominee. Quotas, waitlist and deadlines are checked by <see cref="NominationRules"/> before this.</summary>
    public Participant Nominate(ParticipantDetails details, ParticipantStatus initialStatus, DateTime at)
    {
        EnsureEditable();
        if (_participants.Any(p => p.IsActive && string.Equals(p.Email, details.Email.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("{0} is already nominated in this delegation.", details.Email.Trim());
        }

        var participant = new Participant(details, initialStatus, at);
        _participants.Add(participant);
        ReturnForReviewIfApproved();
        return participant;
    }

    /// <summary>The focal point corrects a nominee: an approved participant, and an approved delegation, go back to review.</summary>
    public Participant EditParticipant(int participantId, ParticipantDetails details)
    {
        EnsureEditable();
        var participant = FindParticipant(participantId);
        if (participant.Status is ParticipantStatus.Withdrawn or ParticipantStatus.Rejected)
        {
            throw new DomainException("This participant can no longer be changed.");
        }

        if (_participants.Any(p => p.Id != participantId && p.IsActive && string.Equals(p.Email, details.Email.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("{0} is already nominated in this delegation.", details.Email.Trim());
        }

        participant.Update(details);
        participant.ReturnForReview();
        ReturnForReviewIfApproved();
        return participant;
    }

    /// <summary>Withdraws one nominee (always allowed, also after the deadline); true when they held a place.</summary>
    public bool WithdrawParticipant(int participantId, DateTime at)
    {
        var participant = FindParticipant(participantId);
        if (participant.Status == ParticipantStatus.Withdrawn)
        {
            return false;
        }

        var heldAPlace = participant.IsActive;
        participant.Withdraw(at);
        return heldAPlace;
    }

    public void Submit(DateTime at)
    {
        if (Status is not (RegistrationStatus.Draft or RegistrationStatus.Rejected))
        {
            throw new DomainException("Only a draft or rejected delegation can be submitted.");
        }

        if (LetterFileId is null)
        {
            throw new DomainException("Attach the letter before submitting the delegation.");
        }

        if (!_participants.Any(p => p.IsActive))
        {
            throw new DomainException("Nominate at least one participant before submitting the delegation.");
        }

        Status = RegistrationStatus.Submitted;
        SubmittedAt = at;
        RejectionReason = null;
    }

    public void Approve(string byUserId, DateTime at)
    {
        if (!DelegationDecision.MayBeTakenOn(Status))
        {
            throw new DomainException("Only a submitted delegation can be approved.");
        }

        Take(DelegationDecision.Approval.Take(byUserId, at, reason: null));
    }

    public void Reject(string byUserId, DateTime at, string reason)
    {
        if (!DelegationDecision.MayBeTakenOn(Status))
        {
            throw new DomainException("Only a submitted delegation can be rejected.");
        }

        Take(DelegationDecision.Rejection.Take(byUserId, at, reason));
    }

    public void Withdraw(DateTime at)
    {
        if (Status == RegistrationStatus.Withdrawn)
        {
            return;
        }

        Status = RegistrationStatus.Withdrawn;
        DecidedAt = at;
        foreach (var participant in _participants.Where(p => p.IsInTheRunning))
        {
            participant.Withdraw(at);
        }
    }

    /// <summary>Editing an approved delegation sends it back for review.</summary>
    public void ReturnForReviewIfApproved()
    {
        if (Status == RegistrationStatus.Approved)
        {
            Status = RegistrationStatus.Submitted;
            DecidedAt = null;
            DecidedByUserId = null;
        }
    }

    /// <summary>What <see cref="DelegationDecision.ApplyAsync"/> does in SQL, on this one delegation.</summary>
    private void Take(DelegationDecided decided)
    {
        Status = decided.Status;
        DecidedAt = decided.DecidedAt;
        DecidedByUserId = decided.DecidedByUserId;
        RejectionReason = decided.RejectionReason;
    }

    private Participant FindParticipant(int participantId) =>
        _participants.FirstOrDefault(p => p.Id == participantId) ?? throw new DomainException("This participant no longer exists.");

    private void EnsureEditable()
    {
        if (Status == RegistrationStatus.Withdrawn)
        {
            throw new DomainException("This delegation has been withdrawn.");
        }
    }
}
