using Sessions.Core.Common;
using Sessions.Core.Registration;

namespace Sessions.Core.Speakers;

public enum InscriptionKind
{
    Statement = 1,
    GroupStatement = 2,
    RightOfReply = 3,
    PointOfOrder = 4,
}

/// <summary>A delegation may reply twice on an item; the second reply has its own, shorter, time limit.</summary>
public enum ReplyRound
{
    First = 1,
    Second = 2,
}

/// <summary>The protocol order of rank among members of the body, highest first.</summary>
public enum LevelOfRepresentation
{
    HeadOfStateOrGovernment = 1,
    VicePresidentOrDeputyPrimeMinister = 2,
    Minister = 3,
    ViceMinister = 4,
    HeadOfDelegationOrAmbassador = 5,
    Other = 6,
}

public enum SpeakerStatus
{
    Waiting = 1,
    Speaking = 2,
    Spoke = 3,
    Skipped = 4,
    Withdrawn = 5,
}

/// <summary>What <see cref="SpeakersOrder"/> needs to know of an entry; projections for the screens can carry it too.</summary>
public interface ISpeakerEntry
{
    int Id { get; }
    InscriptionKind Kind { get; }
    Capacity Capacity { get; }
    LevelOfRepresentation Level { get; }
    ReplyRound? ReplyRound { get; }
    DateTime InscribedAt { get; }
    SpeakerStatus Status { get; }
    DateTime? CalledAt { get; }
    int? ManualPosition { get; }
    DateTime? MovedAt { get; }
}

/// <summary>
/// A delegation's request for the floor on a speakers list. The delegation's capacity is copied at
/// inscription so that the order never needs the registration rows.
/// </summary>
public class Inscription : ISpeakerEntry
{
    private Inscription()
    {
    }

    internal Inscription(InscriptionRequest request, DateTime at)
    {
        DelegationId = request.DelegationId;
        Capacity = request.Capacity;
        Kind = request.Kind;
        GroupName = request.Kind == InscriptionKind.GroupStatement ? request.GroupName?.Trim() : null;
        ReplyRound = request.Kind == InscriptionKind.RightOfReply ? request.ReplyRound : null;
        SpeakerParticipantId = request.SpeakerParticipantId;
        Level = request.Level;
        StatementFileId = request.StatementFileId;
        InscribedByUserId = request.InscribedByUserId;
        InscribedAt = at;
        Status = SpeakerStatus.Waiting;
    }

    public int Id { get; private set; }
    public int SpeakersListId { get; private set; }
    public int DelegationId { get; private set; }
    public Capacity Capacity { get; private set; }
    public InscriptionKind Kind { get; private set; }

    /// <summary>The group on whose behalf the delegation speaks (e.g. "the Group of 77 and China").</summary>
    public string? GroupName { get; private set; }

    public ReplyRound? ReplyRound { get; private set; }

    /// <summary>Who takes the floor; unknown for a point of order raised from the floor.</summary>
    public int? SpeakerParticipantId { get; private set; }

    public LevelOfRepresentation Level { get; private set; }

    /// <summary>The text of the statement, when the delegation attached it; it stays with the slot.</summary>
    public Guid? StatementFileId { get; private set; }

    public string? InscribedByUserId { get; private set; }
    public DateTime InscribedAt { get; private set; }
    public SpeakerStatus Status { get; private set; }

    /// <summary>When the speaker was given the floor (or called and found absent): the order of those who are done.</summary>
    public DateTime? CalledAt { get; private set; }

    /// <summary>The place (1 = top of the whole list) the secretariat moved the entry to; see <see cref="SpeakersOrder"/>.</summary>
    public int? ManualPosition { get; private set; }

    public DateTime? MovedAt { get; private set; }

    /// <summary>Measured by the console's timer, pauses excluded.</summary>
    public int? SpokeForSeconds { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    internal void GiveTheFloor(DateTime at)
    {
        EnsureWaiting();
        Status = SpeakerStatus.Speaking;
        CalledAt = at;
    }

    internal void FinishSpeaking(TimeSpan spokeFor)
    {
        if (Status != SpeakerStatus.Speaking)
        {
            throw new DomainException("This speaker does not have the floor.");
        }

        if (spokeFor < TimeSpan.Zero)
        {
            throw new DomainException("The speaking time cannot be negative.");
        }

        Status = SpeakerStatus.Spoke;
        SpokeForSeconds = (int)Math.Round(spokeFor.TotalSeconds);
    }

    internal void Skip(DateTime at)
    {
        EnsureWaiting();
        Status = SpeakerStatus.Skipped;
        CalledAt = at;
    }

    internal void Withdraw()
    {
        EnsureWaiting();
        Status = SpeakerStatus.Withdrawn;
        ManualPosition = null;
        MovedAt = null;
    }

    internal void MoveTo(int position, DateTime at)
    {
        EnsureWaiting();
        if (position < 1)
        {
            throw new DomainException("The place on the list must be 1 or more.");
        }

        ManualPosition = position;
        MovedAt = at;
    }

    internal void ReturnToProtocolOrder()
    {
        EnsureWaiting();
        ManualPosition = null;
        MovedAt = null;
    }

    private void EnsureWaiting()
    {
        if (Status != SpeakerStatus.Waiting)
        {
            throw new DomainException("This speaker is no longer waiting.");
        }
    }
}

/// <summary>What a delegation (or the secretariat for it) asks for when inscribing.</summary>
public sealed record InscriptionRequest(
    int DelegationId,
    Capacity Capacity,
    InscriptionKind Kind,
    LevelOfRepresentation Level,
    int? SpeakerParticipantId = null,
    string? GroupName = null,
    ReplyRound? ReplyRound = null,
    Guid? StatementFileId = null,
    string? InscribedByUserId = null);
