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

    public Session(int bodyId, int number, string symbol, TranslatedText title, TranslatedText venue, string timeZoneId, DateOnly opensOn, DateOnly closesOn)
    {
        BodyId = bodyId;
        Describe(number, symbol);
        Title = title.Copy();
        Venue = venue.Copy();
        SetTimeZone(timeZoneId);
        SetDates(opensOn, closesOn);
    }

    public int Id { get; private set; }
    public int BodyId { get; private set; }
    public Body? Body { get; private set; }
    public int Number { get; private set; }
    public string Symbol { get; private set; } = "";

    /// <summary>The session's title in the six UN languages; a form rewrites it in place (EF Core tracks it as the session's own).</summary>
    public TranslatedText Title { get; private set; } = null!;

    /// <summary>Where the session is held ("Nairobi") in the six UN languages.</summary>
    public TranslatedText Venue { get; private set; } = null!;
    public string TimeZoneId { get; private set; } = "UTC";
    public DateOnly OpensOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }

    public DateTime? NominationDeadline { get; set; }
    public DateTime? RegistrationDeadline { get; set; }
    public DateTime? StatementDeadline { get; set; }
    public DateTime? InscriptionOpensAt { get; private set; }
    public DateTime? InscriptionClosesAt { get; private set; }

    /// <summary>Requests for visa support letters close at this instant; none when empty.</summary>
    public DateTime? VisaRequestDeadline { get; set; }

    /// <summary>The language the secretariat writes the session's letters in (visa support letters), a two-letter code.</summary>
    public string WorkingLanguage { get; set; } = Languages.English;

    /// <summary>Overrides the body's observer quota per organisation for this session.</summary>
    public int? ObserverQuotaOverride { get; set; }

    /// <summary>A cap on each member State's delegation; none when empty.</summary>
    public int? MemberQuota { get; set; }

    /// <summary>Observers the room holds across all delegations; nominations beyond it are waitlisted.</summary>
    public int? ObserverCapacity { get; set; }

    /// <summary>Shown on the public list of sessions.</summary>
    public bool IsPublished { get; set; } = true;

    /// <summary>In person by default: sessions held before online participation were, and the secretariat opts in to online.</summary>
    public SessionFormat Format { get; private set; } = SessionFormat.InPerson;

    /// <summary>A participant needs a photo for the grounds pass before approval.</summary>
    public bool AsksForPhoto { get; set; }

    /// <summary>A participant needs nationality and an identity document (number, expiry) before approval.</summary>
    public bool AsksForIdentityDocument { get; set; }

    /// <summary>
    /// When the pre-session documents should be available in all six languages; by default six weeks before the
    /// opening (the UN's rule). The session dashboard warns when documents are missing on or after it.
    /// </summary>
    public DateOnly? DocumentsDueOn { get; set; }

    public DateOnly DocumentsDue => DocumentsDueOn ?? OpensOn.AddDays(-DocumentsDueDaysBeforeOpening);

    public const int DocumentsDueDaysBeforeOpening = 42;

    public Registration.GroundsPassRequirements GroundsPass => new(AsksForPhoto, AsksForIdentityDocument);

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyCollection<AgendaItem> AgendaItems => _agendaItems.AsReadOnly();
    public IReadOnlyCollection<Meeting> Meetings => _meetings.AsReadOnly();

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public void HoldAs(SessionFormat format)
    {
        if (!Enum.IsDefined(format))
        {
            throw new DomainException("Choose how the session is held.");
        }

        Format = format;
    }

    /// <summary>The session's symbol under its body's prefix, e.g. HSP/HA.2.</summary>
    public static string ProposeSymbol(string prefix, int number) => $"{prefix}.{number}";

    /// <summary>The session's number and symbol; its title and venue are <see cref="TranslatedText"/>s changed in place.</summary>
    public void Describe(int number, string symbol)
    {
        if (number < 1)
        {
            throw new DomainException("The session number must be 1 or more.");
        }

        if (string.IsNullOrWhiteSpace(symbol))
        {
            throw new DomainException("A session needs a symbol, a title and a venue.");
        }

        Number = number;
        Symbol = symbol.Trim();
    }

    /// <summary>The window in which delegations inscribe on the speakers lists (UTC instants).</summary>
    public void SetInscriptionWindow(DateTime? opensAtUtc, DateTime? closesAtUtc)
    {
        if (opensAtUtc is not null && closesAtUtc is not null && closesAtUtc <= opensAtUtc)
        {
            throw new DomainException("Speaker inscription must close after it opens.");
        }

        InscriptionOpensAt = opensAtUtc;
        InscriptionClosesAt = closesAtUtc;
    }

    /// <summary>A wall-clock time at the venue to UTC; null stays null.</summary>
    public DateTime? ToUtc(DateTime? localTime) => localTime is null ? null : ToUtc(localTime.Value);

    /// <summary>A UTC instant to wall-clock time at the venue; null stays null.</summary>
    public DateTime? ToLocal(DateTime? utc) => utc is null ? null : ToLocal(utc.Value);

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
    public DateTime ToUtc(DateTime localTime) => VenueClock.ToUtc(localTime, TimeZoneId);

    /// <summary>Converts a UTC instant to wall-clock time at the venue.</summary>
    public DateTime ToLocal(DateTime utc) => VenueClock.ToLocal(utc, TimeZoneId);

    public AgendaItem AddAgendaItem(string number, TranslatedText title)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            throw new DomainException("An agenda item needs a number and a title.");
        }

        if (_agendaItems.Any(a => a.Number == number.Trim()))
        {
            throw new DomainException("Agenda item {0} already exists.", number.Trim());
        }

        var item = new AgendaItem(number.Trim(), title.Copy(), _agendaItems.Count == 0 ? 1 : _agendaItems.Max(a => a.Sequence) + 1);
        _agendaItems.Add(item);
        return item;
    }

    public Meeting AddMeeting(int number, DateTime startsAtUtc, DateTime endsAtUtc, string? room, TranslatedText? name = null)
    {
        if (endsAtUtc <= startsAtUtc)
        {
            throw new DomainException("A meeting must end after it starts.");
        }

        if (_meetings.Any(m => m.Number == number))
        {
            throw new DomainException("Meeting {0} already exists.", number);
        }

        if (number < 1)
        {
            throw new DomainException("The meeting number must be 1 or more.");
        }

        var meeting = new Meeting(number, startsAtUtc, endsAtUtc, string.IsNullOrWhiteSpace(room) ? null : room.Trim());
        meeting.Rename(name);
        _meetings.Add(meeting);
        return meeting;
    }

    public void ReviseAgendaItem(int itemId, string number, TranslatedText title)
    {
        var item = FindAgendaItem(itemId);
        if (string.IsNullOrWhiteSpace(number))
        {
            throw new DomainException("An agenda item needs a number and a title.");
        }

        if (_agendaItems.Any(a => a.Id != itemId && a.Number == number.Trim()))
        {
            throw new DomainException("Agenda item {0} already exists.", number.Trim());
        }

        item.Number = number.Trim();
        item.Title = title.Copy();
    }

    public void RemoveAgendaItem(int itemId) => _agendaItems.Remove(FindAgendaItem(itemId));

    /// <summary>Swaps the item with its neighbour above (<paramref name="up"/>) or below; nothing happens at either end.</summary>
    public void MoveAgendaItem(int itemId, bool up)
    {
        var item = FindAgendaItem(itemId);
        var ordered = _agendaItems.OrderBy(a => a.Sequence).ToList();
        var index = ordered.IndexOf(item);
        var neighbourIndex = up ? index - 1 : index + 1;
        if (neighbourIndex < 0 || neighbourIndex >= ordered.Count)
        {
            return;
        }

        var neighbour = ordered[neighbourIndex];
        (item.Sequence, neighbour.Sequence) = (neighbour.Sequence, item.Sequence);
    }

    public void RescheduleMeeting(int meetingId, DateTime startsAtUtc, DateTime endsAtUtc, string? room, TranslatedText? name = null)
    {
        var meeting = FindMeeting(meetingId);
        meeting.Reschedule(startsAtUtc, endsAtUtc);
        meeting.Room = string.IsNullOrWhiteSpace(room) ? null : room.Trim();
        meeting.Rename(name);
    }

    public void RemoveMeeting(int meetingId) => _meetings.Remove(FindMeeting(meetingId));

    private AgendaItem FindAgendaItem(int itemId) =>
        _agendaItems.FirstOrDefault(a => a.Id == itemId) ?? throw new DomainException("This agenda item no longer exists.");

    private Meeting FindMeeting(int meetingId) =>
        _meetings.FirstOrDefault(m => m.Id == meetingId) ?? throw new DomainException("This meeting no longer exists.");

    /// <summary>
    /// Local times for the next plenary meeting: 10:00–13:00 on the opening day for the first, then the
    /// afternoon (15:00–18:00) after a morning meeting, or the next morning after an afternoon one.
    /// </summary>
    public (DateTime StartsAt, DateTime EndsAt) ProposeNextMeetingTimes()
    {
        var morning = new TimeOnly(10, 0);
        var afternoon = new TimeOnly(15, 0);
        var meetingLength = TimeSpan.FromHours(3);
        var last = _meetings.OrderBy(m => m.StartsAt).LastOrDefault();
        DateTime start;
        if (last is null)
        {
            start = OpensOn.ToDateTime(morning);
        }
        else
        {
            var lastStart = ToLocal(last.StartsAt);
            start = TimeOnly.FromDateTime(lastStart) < new TimeOnly(12, 0)
                ? DateOnly.FromDateTime(lastStart).ToDateTime(afternoon)
                : DateOnly.FromDateTime(lastStart).AddDays(1).ToDateTime(morning);
        }

        return (start, start + meetingLength);
    }

    public int NextMeetingNumber() => _meetings.Count == 0 ? 1 : _meetings.Max(m => m.Number) + 1;
}

public class AgendaItem
{
    private AgendaItem()
    {
    }

    internal AgendaItem(string number, TranslatedText title, int sequence)
    {
        Number = number;
        Title = title;
        Sequence = sequence;
    }

    public const int MaxTitleLength = 1000;

    public int Id { get; private set; }
    public int SessionId { get; private set; }

    /// <summary>As printed on the agenda: "1", "4", "6 (a)".</summary>
    public string Number { get; set; } = "";

    /// <summary>As printed on the agenda, in the six languages where the secretariat has them.</summary>
    public TranslatedText Title { get; set; } = null!;

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

    public const int MaxNameLength = 200;

    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public int Number { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public string? Room { get; set; }

    /// <summary>What the meeting is besides its number ("Opening plenary", "High-level segment"); most have none.</summary>
    public TranslatedText? Name { get; private set; }

    public void Rename(TranslatedText? name)
    {
        if (name is not null && Languages.All.Any(l => name.Written(l)?.Length > MaxNameLength))
        {
            throw new DomainException("The name of a meeting can be at most {0} characters long.", MaxNameLength);
        }

        Name = name?.Copy();
    }

    /// <summary>
    /// "Meeting 3" followed by the name, where it has one, in <paramref name="language"/> (the current UI language when
    /// none is given): "Meeting 3 — High-level segment".
    /// </summary>
    public static string Titled(string numbered, TranslatedText? name, string? language = null) =>
        name is null ? numbered : $"{numbered} — {(language is null ? name.ToString() : name.In(language).Text)}";

    /// <summary>While true, participants may record their own presence from their account during the meeting.</summary>
    public bool SelfCheckInOpen { get; private set; }

    /// <summary>Where participants attending online join (https); shown only to approved participants attending online.</summary>
    public string? OnlineLink { get; private set; }

    public void SetOnlineLink(string? link) => OnlineLink = OnlineMeetingLink.Check(link);

    /// <summary>Attendance is taken from an hour before the meeting starts until it ends.</summary>
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromHours(1);

    public bool IsOpenForCheckInAt(DateTime now) => now >= StartsAt - CheckInOpensBefore && now <= EndsAt;

    public void OpenSelfCheckIn() => SelfCheckInOpen = true;

    public void CloseSelfCheckIn() => SelfCheckInOpen = false;

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
