using System.Text;
using Sessions.Core.Notices;

namespace Sessions.Tests.SessionsFeature.Calendar;

public sealed class IcsCalendarTests
{
    private static readonly DateTime _stamp = new(2026, 11, 24, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_calendar_is_published_with_its_events_at_the_venues_clock()
    {
        // 15 May 2027 10:00-13:00 in Paris (summer time, UTC+2) is 08:00-11:00 UTC.
        var meeting = CalendarEvent.Timed("meeting-7.session-3@sessions.example", "HSP/HA.2: Meeting 1", "Room A, Palais", new DateTime(2027, 5, 15, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 15, 11, 0, 0, DateTimeKind.Utc));
        var days = CalendarEvent.AllDay("session-3@sessions.example", "Assembly (HSP/HA.2)", "Paris", new DateOnly(2027, 5, 15), new DateOnly(2027, 5, 19));

        var ics = IcsCalendar.Write("Europe/Paris", [days, meeting], _stamp);
        var lines = Unfold(ics);

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("METHOD:PUBLISH", lines);
        Assert.Contains("PRODID:" + IcsCalendar.ProductId, lines);
        Assert.Contains("UID:meeting-7.session-3@sessions.example", lines);
        Assert.Contains("DTSTAMP:20261124T083000Z", lines);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20270515T100000", lines);
        Assert.Contains("DTEND;TZID=Europe/Paris:20270515T130000", lines);
        Assert.Contains("LOCATION:Room A\\, Palais", lines);
        // An all-day event ends the day after its last day (DTEND is exclusive).
        Assert.Contains("DTSTART;VALUE=DATE:20270515", lines);
        Assert.Contains("DTEND;VALUE=DATE:20270520", lines);
        Assert.Equal(2, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_time_zone_of_a_zone_with_daylight_saving_describes_both_changes_of_the_year()
    {
        var meeting = CalendarEvent.Timed("m@x", "Meeting", null, new DateTime(2027, 5, 15, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 15, 11, 0, 0, DateTimeKind.Utc));

        var lines = Unfold(IcsCalendar.Write("Europe/Paris", [meeting], _stamp));
        var zone = lines.SkipWhile(l => l != "BEGIN:VTIMEZONE").TakeWhile(l => l != "END:VTIMEZONE").ToList();

        Assert.Contains("TZID:Europe/Paris", zone);
        // Summer time starts on the last Sunday of March at 02:00 (+0100 to +0200) and ends on the last Sunday of October at 03:00.
        var daylight = Component(zone, "DAYLIGHT", "DTSTART:20270328T020000");
        Assert.Contains("TZOFFSETFROM:+0100", daylight);
        Assert.Contains("TZOFFSETTO:+0200", daylight);
        var standard = Component(zone, "STANDARD", "DTSTART:20271031T030000");
        Assert.Contains("TZOFFSETFROM:+0200", standard);
        Assert.Contains("TZOFFSETTO:+0100", standard);
        // In force on 1 January: winter time.
        var january = Component(zone, "STANDARD", "DTSTART:20270101T010000");
        Assert.Contains("TZOFFSETTO:+0100", january);
    }

    [Fact]
    public void A_zone_without_daylight_saving_has_one_standard_offset()
    {
        var meeting = CalendarEvent.Timed("m@x", "Meeting", null, new DateTime(2027, 5, 15, 7, 0, 0, DateTimeKind.Utc), new DateTime(2027, 5, 15, 10, 0, 0, DateTimeKind.Utc));

        var lines = Unfold(IcsCalendar.Write("Africa/Nairobi", [meeting], _stamp));

        Assert.Single(lines, l => l == "BEGIN:STANDARD");
        Assert.DoesNotContain("BEGIN:DAYLIGHT", lines);
        Assert.Contains("TZOFFSETTO:+0300", lines);
        Assert.Contains("DTSTART;TZID=Africa/Nairobi:20270515T100000", lines);
    }

    [Fact]
    public void Commas_semicolons_backslashes_and_line_breaks_are_escaped()
    {
        Assert.Equal("a\\, b\\; c\\\\d\\ne\\nf", IcsCalendar.Escape("a, b; c\\d\ne\r\nf"));

        var lines = Unfold(IcsCalendar.Write("UTC", [CalendarEvent.AllDay("u@x", "Budget; finance, and\nstaff", null, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1))], _stamp));
        Assert.Contains("SUMMARY:Budget\\; finance\\, and\\nstaff", lines);
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        var title = "Assemblée des Nations Unies pour l’habitat — 第二届会议 — الدورة الثانية — Ассамблея ООН-Хабитат, вторая сессия";
        var ics = IcsCalendar.Write("UTC", [CalendarEvent.AllDay("u@x", title, null, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1))], _stamp);

        var physical = ics.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(physical, line => line.StartsWith(' '));
        // Every physical line is valid UTF-8 on its own: no character was cut in two.
        Assert.All(physical, line => Assert.DoesNotContain('\uFFFD', line));
        Assert.Contains("SUMMARY:" + IcsCalendar.Escape(title), Unfold(ics));
    }

    [Fact]
    public void A_short_line_is_not_folded()
    {
        Assert.Equal("SUMMARY:Short\r\n", IcsCalendar.Fold("SUMMARY:Short"));
        var exactly75 = new string('a', 75);
        Assert.Equal(exactly75 + "\r\n", IcsCalendar.Fold(exactly75));
        Assert.Equal(new string('a', 75) + "\r\n a\r\n", IcsCalendar.Fold(new string('a', 76)));
    }

    /// <summary>The content lines, continuation lines joined back (RFC 5545 §3.1).</summary>
    private static List<string> Unfold(string ics) =>
        ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();

    private static List<string> Component(List<string> lines, string name, string start)
    {
        var index = lines.FindIndex(l => l == start);
        Assert.True(index > 0, $"No observance starting {start}: {string.Join(" | ", lines)}");
        Assert.Equal("BEGIN:" + name, lines[index - 1]);
        return lines.Skip(index).TakeWhile(l => l != "END:" + name).ToList();
    }
}
