using Sessions.Core.Bodies;
using Sessions.Core.Common;

namespace Sessions.Core.Sessions;

/// <summary>
/// A session of a body (e.g. HSP/HA.2). Deadlines are instants stored in UTC; they are entered and
/// shown in the session's own time zone (<see cref="TimeZoneId"/>, an IANA id such as Africa/Nairobi).
/// </summary>
public class Session
{
    private readonly List<AgendaItem> _agendaItems = [];
    private readonly List<Meeting> _meetings = [];

    private Session()
    {
    }

    public Session(int bodyId, int number, string symbol, string title, string venue, string timeZoneId, DateOnly opensOn, DateOnly closesOn)
    {
        BodyId = bodyId;
        Number = number;
        Symbol = symbol;
        Title = title;
        Venue = venue;
        SetTimeZone(timeZoneId);
        SetDates(opensOn, closesOn);
    }

    public int Id { get; private set; }
    public int BodyId { get; private set; }
    public Body? Body { get; private set; }
    public int Number { get; set; }
    public string Symbol { get; set; } = "";
    public string Title { get; set; } = "";
    public string Venue { get; set; } = "";
    public string TimeZoneId { get; private set; } = "UTC";
    public DateOnly OpensOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }

    public DateTime? NominationDeadline { get; set; }
    public DateTime? RegistrationDeadline { get; set; }
    public DateTime? StatementDeadline { get; set; }
    public DateTime? InscriptionOpensAt { get; set; }
    public DateTime? InscriptionClosesAt { get; set; }

    /// <summary>Overrides the body's observer quota per organisation for this session.</summary>
    public int? ObserverQuotaOverride { get; set; }

    /// <summary>Shown on the public list of sessions.</summary>
    public bool IsPublished { get; set; } = true;

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyCollection<AgendaItem> AgendaItems => _agendaItems.AsReadOnly();
    public IReadOnlyCollection<Meeting> Meetings => _meetings.AsReadOnly();

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public void SetTimeZone(string timeZoneId)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _))
        {
            throw new DomainException("Unknown time zone: {0}.", timeZoneId);
        }

        TimeZoneId = timeZoneId;
    }

    public void SetDates(DateOnly opensOn, DateOnly closesOn)
    {
        if (closesOn < opensOn)
        {
            throw new DomainException("The session cannot close before it opens.");
        }

        OpensOn = opensOn;
        ClosesOn = closesOn;
    }

    /// <summary>Converts a wall-clock time at the venue to UTC.</summary>
    public DateTime ToUtc(DateTime localTime) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified), TimeZone);

    /// <summary>Converts a UTC instant to wall-clock time at the venue.</summary>
    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public AgendaItem AddAgendaItem(string number, string title)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("An agenda item needs a number and a title.");
        }

        if (_agendaItems.Any(a => a.Number == number.Trim()))
        {
            throw new DomainException("Agenda item {0} already exists.", number.Trim());
        }

        var item = new AgendaItem(number.Trim(), title.Trim(), _agendaItems.Count == 0 ? 1 : _agendaItems.Max(a => a.Sequence) + 1);
        _agendaItems.Add(item);
        return item;
    }

    public Meeting AddMeeting(int number, DateTime startsAtUtc, DateTime endsAtUtc, string? room)
    {
        if (endsAtUtc <= startsAtUtc)
        {
            throw new DomainException("A meeting must end after it starts.");
        }

        if (_meetings.Any(m => m.Number == number))
        {
            throw new DomainException("Meeting {0} already exists.", number);
        }

        var meeting = new Meeting(number, startsAtUtc, endsAtUtc, room);
        _meetings.Add(meeting);
        return meeting;
    }

    public int NextMeetingNumber() => _meetings.Count == 0 ? 1 : _meetings.Max(m => m.Number) + 1;
}

public class AgendaItem
{
    private AgendaItem()
    {
    }

    internal AgendaItem(string number, string title, int sequence)
    {
        Number = number;
        Title = title;
        Sequence = sequence;
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }

    /// <summary>As printed on the agenda: "1", "4", "6 (a)".</summary>
    public string Number { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Order on the agenda.</summary>
    public int Sequence { get; set; }
}

/// <summary>A numbered plenary meeting: the unit of attendance.</summary>
public class Meeting
{
    private Meeting()
    {
    }

    internal Meeting(int number, DateTime startsAt, DateTime endsAt, string? room)
    {
        Number = number;
        StartsAt = startsAt;
        EndsAt = endsAt;
        Room = room;
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public int Number { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public string? Room { get; set; }

    public void Reschedule(DateTime startsAtUtc, DateTime endsAtUtc)
    {
        if (endsAtUtc <= startsAtUtc)
        {
            throw new DomainException("A meeting must end after it starts.");
        }

        StartsAt = startsAtUtc;
        EndsAt = endsAtUtc;
    }
}
