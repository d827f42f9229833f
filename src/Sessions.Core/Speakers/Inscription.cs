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

    /// <summary>The time limit when the speaker was given the floor (later changes to the list's limits do not touch it).</summary>
    public int? AllottedSeconds { get; private set; }

    /// <summary>Time the President added while the speaker had the floor.</summary>
    public int ExtendedSeconds { get; private set; }

    /// <summary>When the timer last started or resumed; empty while it is stopped or paused.</summary>
    public DateTime? TimerRunningSince { get; private set; }

    /// <summary>Time spoken before the timer was last paused.</summary>
    public long TimerElapsedMilliseconds { get; private set; }

    /// <summary>When the delegation was told it is about to be called (told once).</summary>
    public DateTime? AboutToBeCalledNoticeAt { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The console's timer as it stands at <paramref name="at"/>.</summary>
    public SpeakingClock ClockAt(DateTime at)
    {
        var elapsed = TimeSpan.FromMilliseconds(TimerElapsedMilliseconds);
        if (TimerRunningSince is { } since && at > since)
        {
            elapsed += at - since;
        }

        TimeSpan? allowed = AllottedSeconds is { } allotted ? TimeSpan.FromSeconds(allotted + ExtendedSeconds) : null;
        return new SpeakingClock(elapsed, allowed, TimerRunningSince is not null);
    }

    internal void GiveTheFloor(DateTime at, TimeSpan? allotted)
    {
        EnsureWaiting();
        Status = SpeakerStatus.Speaking;
        CalledAt = at;
        AllottedSeconds = allotted is { } limit ? (int)limit.TotalSeconds : null;
    }

    /// <summary>Starts the timer, or resumes it after a pause.</summary>
    internal void StartTimer(DateTime at)
    {
        EnsureSpeaking();
        if (TimerRunningSince is not null)
        {
            throw new DomainException("The timer is already running.");
        }

        TimerRunningSince = at;
    }

    internal void PauseTimer(DateTime at)
    {
        EnsureSpeaking();
        if (TimerRunningSince is null)
        {
            throw new DomainException("The timer is not running.");
        }

        TimerElapsedMilliseconds = (long)ClockAt(at).Elapsed.TotalMilliseconds;
        TimerRunningSince = null;
    }

    internal void Extend(TimeSpan extra)
    {
        EnsureSpeaking();
        if (extra <= TimeSpan.Zero || extra > MaxExtension)
        {
            throw new DomainException("An extension is between 1 second and {0} minutes.", (int)MaxExtension.TotalMinutes);
        }

        if (AllottedSeconds is null)
        {
            throw new DomainException("A point of order has no time limit to extend.");
        }

        ExtendedSeconds += (int)extra.TotalSeconds;
    }

    /// <summary>The speaker yields the floor: the timer stops and the time spoken, pauses excluded, is kept.</summary>
    internal void FinishSpeaking(DateTime at)
    {
        EnsureSpeaking();
        if (TimerRunningSince is null && TimerElapsedMilliseconds == 0)
        {
            throw new DomainException("Start the timer first, or mark the speaker not present.");
        }

        var spoke = ClockAt(at).Elapsed;
        TimerElapsedMilliseconds = (long)spoke.TotalMilliseconds;
        TimerRunningSince = null;
        Status = SpeakerStatus.Spoke;
        SpokeForSeconds = (int)Math.Round(spoke.TotalSeconds);
    }

    /// <summary>Not in the room: a waiting speaker, or one just called whose timer never started.</summary>
    internal void Skip(DateTime at)
    {
        if (Status == SpeakerStatus.Speaking && (TimerRunningSince is not null || TimerElapsedMilliseconds > 0))
        {
            throw new DomainException("This speaker has started speaking: stop the timer instead.");
        }

        if (Status != SpeakerStatus.Speaking)
        {
            EnsureWaiting();
            CalledAt = at;
        }

        Status = SpeakerStatus.Skipped;
        AllottedSeconds = null;
    }

    internal void NoteAboutToBeCalledNotice(DateTime at) => AboutToBeCalledNoticeAt ??= at;

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

    public static readonly TimeSpan MaxExtension = TimeSpan.FromMinutes(30);

    private void EnsureSpeaking()
    {
        if (Status != SpeakerStatus.Speaking)
        {
            throw new DomainException("This speaker does not have the floor.");
        }
    }

    private void EnsureWaiting()
    {
        if (Status != SpeakerStatus.Waiting)
        {
            throw new DomainException("This speaker is no longer waiting.");
        }
    }
}

/// <summary>The timer of the speaker who has the floor. <see cref="Allowed"/> is empty for a point of order.</summary>
public readonly record struct SpeakingClock(TimeSpan Elapsed, TimeSpan? Allowed, bool IsRunning)
{
    /// <summary>Negative once the speaker runs over.</summary>
    public TimeSpan? Remaining => Allowed - Elapsed;
}

/// <summary>
/// What a delegation (or the secretariat for it) asks for when inscribing. <see cref="RepliesOnOtherLists"/>: the
/// delegation's rights of reply on the item's other lists (per meeting), which count towards the two per item.
/// </summary>
public sealed record InscriptionRequest(
    int DelegationId,
    Capacity Capacity,
    InscriptionKind Kind,
    LevelOfRepresentation Level,
    int? SpeakerParticipantId = null,
    string? GroupName = null,
    ReplyRound? ReplyRound = null,
    Guid? StatementFileId = null,
    string? InscribedByUserId = null,
    IReadOnlyList<ReplyRound>? RepliesOnOtherLists = null);
