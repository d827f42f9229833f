using System.Globalization;
using Sessions.Core.Common;

namespace Sessions.Core.Sessions;

/// <summary>What a reminder comes before.</summary>
public enum ReminderOccasion
{
    NominationDeadline = 1,
    RegistrationDeadline = 2,
    StatementDeadline = 3,
    Opening = 4,

    /// <summary>Each meeting with an online link: the link, to approved participants attending online (see <see cref="OnlineLinkNotice"/>).</summary>
    OnlineMeeting = 5,
}

/// <summary>
/// The reminders of one session before one occasion (a deadline or the opening): on or off, and one
/// <see cref="ScheduledReminder"/> per lead time ("7 days before", "1 day before").
/// </summary>
public class Reminder
{
    public const int MaxLeadTimes = 5;
    public static readonly TimeSpan LongestLeadTime = TimeSpan.FromDays(365);

    /// <summary>The hour at the venue the opening reminders count from: the session's opening day, when the first meeting usually starts.</summary>
    public static readonly TimeOnly OpeningTimeAtVenue = new(10, 0);

    private readonly List<ScheduledReminder> _schedule = [];

    private Reminder()
    {
    }

    public Reminder(int sessionId, ReminderOccasion occasion)
    {
        if (!Enum.IsDefined(occasion))
        {
            throw new DomainException("Unknown reminder.");
        }

        SessionId = sessionId;
        Occasion = occasion;
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public ReminderOccasion Occasion { get; private set; }
    public bool IsOn { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyCollection<ScheduledReminder> Schedule => _schedule.AsReadOnly();

    /// <summary>The link of a meeting goes out this long before it starts: the one lead time of an <see cref="ReminderOccasion.OnlineMeeting"/> reminder.</summary>
    public TimeSpan? OnlineLinkLeadTime => Occasion == ReminderOccasion.OnlineMeeting && IsOn ? _schedule.Select(s => (TimeSpan?)s.LeadTime).FirstOrDefault() : null;

    /// <summary>The instant (UTC) the reminders of <paramref name="occasion"/> come before; null when the session has not set it.</summary>
    public static DateTime? DeadlineOf(Session session, ReminderOccasion occasion) => occasion switch
    {
        ReminderOccasion.NominationDeadline => session.NominationDeadline,
        ReminderOccasion.RegistrationDeadline => session.RegistrationDeadline,
        ReminderOccasion.StatementDeadline => session.StatementDeadline,
        ReminderOccasion.Opening => session.ToUtc(session.OpensOn.ToDateTime(OpeningTimeAtVenue)),

        // Not one instant but every meeting: the link goes out per participant and meeting, not by the schedule's claim.
        ReminderOccasion.OnlineMeeting => null,
        _ => throw new ArgumentOutOfRangeException(nameof(occasion)),
    };

    /// <summary>
    /// Turns the reminders on or off and sets their lead times. A lead time kept keeps its history (when it was
    /// sent, to how many); a new one is due from the session's current deadline.
    /// </summary>
    public void Configure(bool isOn, IReadOnlyCollection<TimeSpan> leadTimes, Session session, DateTime now)
    {
        if (leadTimes.Any(l => l <= TimeSpan.Zero || l > LongestLeadTime))
        {
            throw new DomainException("A reminder is sent between 1 hour and 365 days before.");
        }

        var distinct = leadTimes.Distinct().ToList();
        if (distinct.Count > MaxLeadTimes)
        {
            throw new DomainException("At most {0} reminders before each deadline.", MaxLeadTimes);
        }

        if (Occasion == ReminderOccasion.OnlineMeeting && distinct.Count > 1)
        {
            throw new DomainException("The online link is sent once before each meeting: give one lead time, e.g. 1 (a day) or 2h.");
        }

        if (isOn && distinct.Count == 0)
        {
            throw new DomainException("Give at least one lead time, e.g. 7 days and 1 day, or turn the reminder off.");
        }

        IsOn = isOn;
        _schedule.RemoveAll(s => !distinct.Contains(s.LeadTime));
        foreach (var lead in distinct.Where(l => _schedule.All(s => s.LeadTime != l)))
        {
            _schedule.Add(new ScheduledReminder(lead));
        }

        Reschedule(session, now);
    }

    /// <summary>
    /// Due times follow the session's deadline. A reminder whose due time moves is armed again when its new due
    /// time is still ahead, even if it went out before (the deadline changed: the people concerned hear of it).
    /// </summary>
    public void Reschedule(Session session, DateTime now)
    {
        var deadline = DeadlineOf(session, Occasion);
        foreach (var scheduled in _schedule)
        {
            scheduled.Follow(deadline, now);
        }
    }
}

/// <summary>One reminder: so long before the occasion, when it is due, and when it went out and to how many.</summary>
public class ScheduledReminder
{
    private ScheduledReminder()
    {
    }

    internal ScheduledReminder(TimeSpan leadTime)
    {
        LeadHours = (int)Math.Round(leadTime.TotalHours);
    }

    public int Id { get; private set; }
    public int ReminderId { get; private set; }
    public Reminder? Reminder { get; private set; }

    /// <summary>How long before the occasion, in whole hours.</summary>
    public int LeadHours { get; private set; }

    public TimeSpan LeadTime => TimeSpan.FromHours(LeadHours);

    /// <summary>The occasion it comes before (UTC); null when the session has not set that deadline.</summary>
    public DateTime? DeadlineAt { get; private set; }

    public DateTime? DueAt { get; private set; }

    /// <summary>When it was claimed for sending (its notices were written in the same transaction).</summary>
    public DateTime? SentAt { get; private set; }

    public int? RecipientCount { get; private set; }

    /// <summary>Not sent, for good: a later reminder before the same occasion was due at the same time, or the occasion passed first.</summary>
    public bool Skipped { get; private set; }

    internal void Follow(DateTime? deadline, DateTime now)
    {
        var due = deadline - LeadTime;
        if (due == DueAt && deadline == DeadlineAt)
        {
            return;
        }

        DeadlineAt = deadline;
        DueAt = due;
        if (due is { } at && at > now)
        {
            SentAt = null;
            RecipientCount = null;
            Skipped = false;
        }
    }
}

/// <summary>Lead times as the secretariat types them: "7, 1" (days), "12h" (hours), "7d, 12h".</summary>
public static class LeadTimes
{
    public static IReadOnlyList<TimeSpan> Parse(string? text)
    {
        var result = new List<TimeSpan>();
        foreach (var part in (text ?? "").Split([',', ';', ' ', '،', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var hours = part.EndsWith('h') || part.EndsWith('H');
            var number = hours || part.EndsWith('d') || part.EndsWith('D') ? part[..^1] : part;
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value == 0)
            {
                throw new DomainException("\"{0}\" is not a lead time: write days as numbers (7, 1) and hours with h (12h).", part);
            }

            result.Add(hours ? TimeSpan.FromHours(value) : TimeSpan.FromDays(value));
        }

        return result.Distinct().OrderDescending().ToList();
    }

    /// <summary>The text <see cref="Parse"/> reads back: "7, 1, 12h".</summary>
    public static string Format(IEnumerable<TimeSpan> leadTimes) =>
        string.Join(", ", leadTimes.OrderDescending().Select(l => l.TotalHours % 24 == 0
            ? ((int)l.TotalDays).ToString(CultureInfo.InvariantCulture)
            : ((int)l.TotalHours).ToString(CultureInfo.InvariantCulture) + "h"));
}
