using Sessions.Core.Sessions;

namespace Sessions.Core.Notices;

/// <summary>The calendar events of a session (its days, all-day) and of its meetings (timed, at the venue's clock).</summary>
public static class SessionCalendar
{
    /// <summary>The session as one all-day event, then each meeting; titles and venues in <paramref name="language"/> (or their original).</summary>
    public static IReadOnlyList<CalendarEvent> Events(Session session, IEnumerable<Meeting> meetings, string host, string language, Func<Meeting, string> meetingLabel) =>
    [
        CalendarEvent.AllDay($"session-{session.Id}@{host}", $"{session.Title.In(language).Text} ({session.Symbol})", session.Venue.In(language).Text, session.OpensOn, session.ClosesOn),
        .. meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Number).Select(m => Event(session, m, host, language, meetingLabel)),
    ];

    /// <summary>
    /// One meeting, titled by <paramref name="meetingLabel"/> in the reader's language ("Meeting 1 — Opening plenary");
    /// its UID stays the same when it is rescheduled or renamed, so calendars move it rather than add it again.
    /// </summary>
    public static CalendarEvent Event(Session session, Meeting meeting, string host, string language, Func<Meeting, string> meetingLabel) =>
        CalendarEvent.Timed(
            $"meeting-{meeting.Id}.session-{session.Id}@{host}",
            $"{session.Symbol}: {meetingLabel(meeting)}",
            string.IsNullOrWhiteSpace(meeting.Room) ? session.Venue.In(language).Text : $"{meeting.Room}, {session.Venue.In(language).Text}",
            meeting.StartsAt,
            meeting.EndsAt);
}
