using System.Globalization;
using System.Text;

namespace Sessions.Core.Notices;

/// <summary>
/// An event of a calendar file: timed (UTC instants, written at the venue's clock) or all-day (calendar days,
/// the last one included). <see cref="Uid"/> must stay the same for the same thing, so a calendar that
/// imports the file again updates the event instead of adding a second one.
/// </summary>
public sealed record CalendarEvent(string Uid, string Summary, string? Location, DateTime? StartsAtUtc, DateTime? EndsAtUtc, DateOnly? FirstDay = null, DateOnly? LastDay = null)
{
    public static CalendarEvent Timed(string uid, string summary, string? location, DateTime startsAtUtc, DateTime endsAtUtc) =>
        new(uid, summary, location, startsAtUtc, endsAtUtc);

    public static CalendarEvent AllDay(string uid, string summary, string? location, DateOnly firstDay, DateOnly lastDay) =>
        new(uid, summary, location, null, null, firstDay, lastDay);
}

/// <summary>
/// Writes iCalendar (RFC 5545) text: one VCALENDAR published (METHOD:PUBLISH) with its events, times given
/// with TZID= the session's IANA zone and a VTIMEZONE describing that zone's offsets over the years the
/// events span (taken from <see cref="TimeZoneInfo"/>, so daylight saving is right wherever the calendar
/// does not know the zone by name). Lines are folded at 75 octets; text is escaped.
/// </summary>
public static class IcsCalendar
{
    public const string ProductId = "-//United Nations//Sessions//EN";
    public const string ContentType = "text/calendar";
    private const int MaxOctets = 75;

    public static string Write(string timeZoneId, IEnumerable<CalendarEvent> events, DateTime stampUtc, string? calendarName = null)
    {
        var list = events.ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var output = new StringBuilder();
        Line(output, "BEGIN:VCALENDAR");
        Line(output, "VERSION:2.0");
        Line(output, "PRODID:" + ProductId);
        Line(output, "CALSCALE:GREGORIAN");
        Line(output, "METHOD:PUBLISH");
        if (!string.IsNullOrWhiteSpace(calendarName))
        {
            Line(output, "X-WR-CALNAME:" + Escape(calendarName));
        }

        var timed = list.Where(e => e.StartsAtUtc is not null).ToList();
        if (timed.Count > 0)
        {
            WriteTimeZone(output, timeZoneId, zone, timed.Min(e => e.StartsAtUtc!.Value).Year, timed.Max(e => e.EndsAtUtc ?? e.StartsAtUtc!.Value).Year);
        }

        var stamp = Utc(stampUtc);
        foreach (var e in list)
        {
            Line(output, "BEGIN:VEVENT");
            Line(output, "UID:" + Escape(e.Uid));
            Line(output, "DTSTAMP:" + stamp);
            if (e.StartsAtUtc is { } starts)
            {
                var ends = e.EndsAtUtc ?? starts;
                Line(output, $"DTSTART;TZID={timeZoneId}:{Local(starts, zone)}");
                Line(output, $"DTEND;TZID={timeZoneId}:{Local(ends, zone)}");
            }
            else
            {
                var first = e.FirstDay ?? throw new ArgumentException("An event needs a start.", nameof(events));
                Line(output, "DTSTART;VALUE=DATE:" + Day(first));
                Line(output, "DTEND;VALUE=DATE:" + Day((e.LastDay ?? first).AddDays(1)));
            }

            Line(output, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Location))
            {
                Line(output, "LOCATION:" + Escape(e.Location));
            }

            Line(output, "END:VEVENT");
        }

        Line(output, "END:VCALENDAR");
        return output.ToString();
    }

    /// <summary>TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// A content line folded so that no physical line is longer than 75 octets of UTF-8 (RFC 5545 §3.1),
    /// never inside a character; each line ends with CRLF, continuation lines start with a space.
    /// </summary>
    public static string Fold(string line)
    {
        var output = new StringBuilder();
        var octets = 0;
        var limit = MaxOctets;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 1;
            }

            output.Append(rune.ToString());
            octets += size;
        }

        return output.Append("\r\n").ToString();
    }

    private static void Line(StringBuilder output, string line) => output.Append(Fold(line));

    private static void WriteTimeZone(StringBuilder output, string timeZoneId, TimeZoneInfo zone, int fromYear, int toYear)
    {
        Line(output, "BEGIN:VTIMEZONE");
        Line(output, "TZID:" + timeZoneId);
        var start = new DateTime(fromYear, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(toYear, 12, 31, 23, 59, 0, DateTimeKind.Utc);
        var offset = zone.GetUtcOffset(start);
        Observance(output, zone, start, offset, offset);
        for (var day = start.AddDays(1); day <= end.AddDays(1); day = day.AddDays(1))
        {
            var next = zone.GetUtcOffset(day);
            if (next == offset)
            {
                continue;
            }

            // The change happened in the last day: find its minute.
            var (before, after) = (day.AddDays(-1), day);
            while (after - before > TimeSpan.FromMinutes(1))
            {
                var middle = before + TimeSpan.FromTicks((after - before).Ticks / 2);
                if (zone.GetUtcOffset(middle) == offset)
                {
                    before = middle;
                }
                else
                {
                    after = middle;
                }
            }

            var at = new DateTime(after.Ticks - (after.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
            if (zone.GetUtcOffset(at) != next)
            {
                at = at.AddMinutes(1);
            }

            Observance(output, zone, at, offset, next);
            offset = next;
        }

        Line(output, "END:VTIMEZONE");
    }

    /// <summary>One observance: from <paramref name="atUtc"/> (written at the clock of the offset before it) the offset is <paramref name="to"/>.</summary>
    private static void Observance(StringBuilder output, TimeZoneInfo zone, DateTime atUtc, TimeSpan from, TimeSpan to)
    {
        var daylight = zone.IsDaylightSavingTime(atUtc) || to > from;
        var component = daylight ? "DAYLIGHT" : "STANDARD";
        Line(output, "BEGIN:" + component);
        Line(output, "DTSTART:" + (atUtc + from).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
        Line(output, "TZOFFSETFROM:" + Offset(from));
        Line(output, "TZOFFSETTO:" + Offset(to));
        Line(output, "END:" + component);
    }

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    private static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
