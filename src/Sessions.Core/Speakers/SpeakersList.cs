using Sessions.Core.Common;
using Sessions.Core.Registration;

namespace Sessions.Core.Speakers;

/// <summary>
/// The list of speakers on one agenda item (optionally for one meeting). Inscriptions, calls and moves go
/// through the list so that its rules hold and every change stamps the list's <see cref="Version"/>: two
/// people working the same list at once cannot both succeed on a stale copy.
/// </summary>
public class SpeakersList
{
    public const int MaxRightsOfReplyPerDelegation = 2;

    private readonly List<Inscription> _inscriptions = [];

    private SpeakersList()
    {
    }

    public SpeakersList(int sessionId, int agendaItemId, int? meetingId, DateTime at)
    {
        SessionId = sessionId;
        AgendaItemId = agendaItemId;
        MeetingId = meetingId;
        IsOpen = true;
        ChangedAt = at;
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public int AgendaItemId { get; private set; }
    public int? MeetingId { get; private set; }
    public bool IsOpen { get; private set; }

    /// <summary>UTC instants; entered and shown in the session's time zone. No bound when empty.</summary>
    public DateTime? InscriptionOpensAt { get; private set; }

    public DateTime? InscriptionClosesAt { get; private set; }

    public int MemberStatementSeconds { get; private set; } = 5 * 60;
    public int ObserverStatementSeconds { get; private set; } = 3 * 60;
    public int FirstReplySeconds { get; private set; } = 10 * 60;
    public int SecondReplySeconds { get; private set; } = 5 * 60;

    /// <summary>A delegation is told it is about to be called when this many speakers or fewer are ahead of it; 0 tells no one.</summary>
    public int NotifyWhenSpeakersAhead { get; private set; } = 3;

    /// <summary>Set by every change, so that adding an inscription also changes this row and checks its version.</summary>
    public DateTime ChangedAt { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyCollection<Inscription> Inscriptions => _inscriptions.AsReadOnly();

    /// <summary>The list in speaking order (see <see cref="SpeakersOrder.Arrange{T}"/>).</summary>
    public IReadOnlyList<Inscription> InSpeakingOrder() => SpeakersOrder.Arrange(_inscriptions);

    public void Open(DateTime at)
    {
        IsOpen = true;
        ChangedAt = at;
    }

    public void Close(DateTime at)
    {
        IsOpen = false;
        ChangedAt = at;
    }

    public void SetInscriptionWindow(DateTime? opensAtUtc, DateTime? closesAtUtc, DateTime at)
    {
        if (opensAtUtc is not null && closesAtUtc is not null && closesAtUtc <= opensAtUtc)
        {
            throw new DomainException("Speaker inscription must close after it opens.");
        }

        InscriptionOpensAt = opensAtUtc;
        InscriptionClosesAt = closesAtUtc;
        ChangedAt = at;
    }

    public void SetTimeLimits(TimeSpan memberStatement, TimeSpan observerStatement, TimeSpan firstReply, TimeSpan secondReply, DateTime at)
    {
        if (new[] { memberStatement, observerStatement, firstReply, secondReply }.Any(limit => limit <= TimeSpan.Zero))
        {
            throw new DomainException("Every time limit must be longer than zero.");
        }

        MemberStatementSeconds = (int)memberStatement.TotalSeconds;
        ObserverStatementSeconds = (int)observerStatement.TotalSeconds;
        FirstReplySeconds = (int)firstReply.TotalSeconds;
        SecondReplySeconds = (int)secondReply.TotalSeconds;
        ChangedAt = at;
    }

    public void SetAboutToBeCalledNotice(int speakersAhead, DateTime at)
    {
        if (speakersAhead is < 0 or > 50)
        {
            throw new DomainException("The number of speakers ahead is between 0 (no notice) and 50.");
        }

        NotifyWhenSpeakersAhead = speakersAhead;
        ChangedAt = at;
    }

    /// <summary>
    /// The time the speaker is given: replies by their round, statements (for a group too) by the capacity of the
    /// delegation. A point of order has none: the President rules on it.
    /// </summary>
    public TimeSpan? TimeLimitFor(ISpeakerEntry entry) => entry.Kind switch
    {
        InscriptionKind.PointOfOrder => null,
        InscriptionKind.RightOfReply => TimeSpan.FromSeconds(entry.ReplyRound == ReplyRound.Second ? SecondReplySeconds : FirstReplySeconds),
        _ => TimeSpan.FromSeconds(entry.Capacity == Capacity.Member ? MemberStatementSeconds : ObserverStatementSeconds),
    };

    /// <summary>
    /// Adds an inscription at <paramref name="at"/>. A point of order is raised from the floor while the meeting
    /// sits, so it ignores the window and a closed list; everything else respects both.
    /// </summary>
    public Inscription Inscribe(InscriptionRequest request, DateTime at)
    {
        if (!Enum.IsDefined(request.Kind))
        {
            throw new DomainException("Choose the kind of inscription.");
        }

        if (!Enum.IsDefined(request.Level))
        {
            throw new DomainException("Choose the level of representation.");
        }

        if (request.Kind != InscriptionKind.PointOfOrder)
        {
            EnsureInscriptionIsOpen(at);
        }

        var held = _inscriptions.Where(i => i.DelegationId == request.DelegationId && i.Status != SpeakerStatus.Withdrawn).ToList();
        switch (request.Kind)
        {
            case InscriptionKind.Statement when held.Any(i => i.Kind == InscriptionKind.Statement):
                throw new DomainException("This delegation is already inscribed for a statement on this list.");
            case InscriptionKind.GroupStatement:
                EnsureGroupCanSpeak(request.GroupName);
                break;
            case InscriptionKind.RightOfReply:
                EnsureReplyAllowed(request.ReplyRound, [.. held.Where(i => i.Kind == InscriptionKind.RightOfReply).Select(i => i.ReplyRound!.Value), .. request.RepliesOnOtherLists ?? []]);
                break;
        }

        var inscription = new Inscription(request, at);
        _inscriptions.Add(inscription);
        ChangedAt = at;
        return inscription;
    }

    /// <summary>The speaker who has the floor, if any.</summary>
    public Inscription? Speaking => _inscriptions.FirstOrDefault(i => i.Status == SpeakerStatus.Speaking);

    /// <summary>Calls the first waiting speaker in speaking order.</summary>
    public Inscription CallNext(DateTime at)
    {
        EnsureNoOneHasTheFloor();
        var next = InSpeakingOrder().FirstOrDefault(i => i.Status == SpeakerStatus.Waiting)
            ?? throw new DomainException("No one is waiting to speak.");
        next.GiveTheFloor(at, TimeLimitFor(next));
        ChangedAt = at;
        return next;
    }

    /// <summary>Gives the floor to a waiting speaker (the next one, or another the President calls); the timer waits for Start.</summary>
    public Inscription GiveTheFloor(int inscriptionId, DateTime at)
    {
        EnsureNoOneHasTheFloor();
        return Change(inscriptionId, at, i => i.GiveTheFloor(at, TimeLimitFor(i)));
    }

    /// <summary>Starts the speaker's timer, or resumes it after a pause.</summary>
    public Inscription StartTimer(int inscriptionId, DateTime at) => Change(inscriptionId, at, i => i.StartTimer(at));

    public Inscription PauseTimer(int inscriptionId, DateTime at) => Change(inscriptionId, at, i => i.PauseTimer(at));

    public Inscription Extend(int inscriptionId, TimeSpan extra, DateTime at) => Change(inscriptionId, at, i => i.Extend(extra));

    /// <summary>Stops the timer: the speaker spoke for the time it measured.</summary>
    public Inscription FinishSpeaking(int inscriptionId, DateTime at) => Change(inscriptionId, at, i => i.FinishSpeaking(at));

    /// <summary>Called but not in the room (waiting, or given the floor before the timer started): done, it keeps its place.</summary>
    public Inscription Skip(int inscriptionId, DateTime at)
    {
        return Change(inscriptionId, at, i => i.Skip(at));
    }

    public Inscription Withdraw(int inscriptionId, DateTime at)
    {
        return Change(inscriptionId, at, i => i.Withdraw());
    }

    /// <summary>The secretariat moves a waiting entry to <paramref name="position"/> (1 = top of the whole list).</summary>
    public Inscription MoveTo(int inscriptionId, int position, DateTime at)
    {
        return Change(inscriptionId, at, i => i.MoveTo(position, at));
    }

    public Inscription ReturnToProtocolOrder(int inscriptionId, DateTime at)
    {
        return Change(inscriptionId, at, i => i.ReturnToProtocolOrder());
    }

    private void EnsureNoOneHasTheFloor()
    {
        if (Speaking is not null)
        {
            throw new DomainException("Another speaker has the floor.");
        }
    }

    private void EnsureInscriptionIsOpen(DateTime at)
    {
        if (!IsOpen)
        {
            throw new DomainException("This speakers list is closed.");
        }

        if (InscriptionOpensAt is { } opens && at < opens)
        {
            throw new DomainException("Inscription on this speakers list has not opened yet.");
        }

        if (InscriptionClosesAt is { } closes && at >= closes)
        {
            throw new DomainException("Inscription on this speakers list has closed.");
        }
    }

    private void EnsureGroupCanSpeak(string? groupName)
    {
        if (string.IsNullOrWhiteSpace(groupName))
        {
            throw new DomainException("Give the name of the group on whose behalf the statement is made.");
        }

        if (_inscriptions.Any(i => i.Kind == InscriptionKind.GroupStatement && i.Status != SpeakerStatus.Withdrawn
            && string.Equals(i.GroupName, groupName.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("{0} is already inscribed on this list.", groupName.Trim());
        }
    }

    private static void EnsureReplyAllowed(ReplyRound? round, IReadOnlyList<ReplyRound> replies)
    {
        if (replies.Count >= MaxRightsOfReplyPerDelegation)
        {
            throw new DomainException("A delegation has at most {0} rights of reply on an agenda item.", MaxRightsOfReplyPerDelegation);
        }

        if (round is not { } r || !Enum.IsDefined(r))
        {
            throw new DomainException("Choose the first or the second right of reply.");
        }

        if (replies.Contains(r))
        {
            throw new DomainException("This delegation already holds this right of reply.");
        }

        if (r == ReplyRound.Second && !replies.Contains(ReplyRound.First))
        {
            throw new DomainException("A second right of reply follows a first one.");
        }
    }

    /// <summary>One entry's change, stamped on the list so that a save from a stale copy is refused.</summary>
    private Inscription Change(int inscriptionId, DateTime at, Action<Inscription> change)
    {
        var inscription = Find(inscriptionId);
        change(inscription);
        ChangedAt = at;
        return inscription;
    }

    private Inscription Find(int inscriptionId) =>
        _inscriptions.FirstOrDefault(i => i.Id == inscriptionId) ?? throw new DomainException("This inscription no longer exists.");
}
