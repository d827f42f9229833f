using Sessions.Core.Common;
using Sessions.Core.Sessions;

namespace Sessions.Tests.Notices.Reminders;

public sealed class LeadTimeRulesTests
{
    private static readonly DateTime _now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Session NewSession(DateTime? nominationDeadline) =>
        new(1, 1, "T/R.1", TranslatedText.English("Test session"), TranslatedText.English("Nairobi"), "Africa/Nairobi", new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 8)) { NominationDeadline = nominationDeadline };

    [Fact]
    public void Lead_times_are_read_as_days_or_hours_and_written_back_the_same_way()
    {
        var parsed = LeadTimes.Parse("1, 7d 12h,7");

        Assert.Equal([TimeSpan.FromDays(7), TimeSpan.FromDays(1), TimeSpan.FromHours(12)], parsed);
        Assert.Equal("7, 1, 12h", LeadTimes.Format(parsed));
        Assert.Empty(LeadTimes.Parse("  "));
    }

    [Theory]
    [InlineData("7 days")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1.5")]
    public void A_lead_time_that_is_not_a_whole_number_of_days_or_hours_is_refused(string text)
    {
        var error = Assert.Throws<DomainException>(() => LeadTimes.Parse(text));
        Assert.StartsWith("\"{0}\" is not a lead time", error.Message);
    }

    [Fact]
    public void Due_times_count_back_from_the_deadline_and_the_opening_at_ten_at_the_venue()
    {
        var session = NewSession(new DateTime(2026, 4, 1, 20, 59, 0, DateTimeKind.Utc));
        var nominations = new Reminder(1, ReminderOccasion.NominationDeadline);
        var opening = new Reminder(1, ReminderOccasion.Opening);

        nominations.Configure(true, [TimeSpan.FromDays(7), TimeSpan.FromHours(12)], session, _now);
        opening.Configure(true, [TimeSpan.FromDays(1)], session, _now);

        Assert.Equal(
            [new DateTime(2026, 3, 25, 20, 59, 0), new DateTime(2026, 4, 1, 8, 59, 0)],
            nominations.Schedule.OrderBy(s => s.DueAt).Select(s => s.DueAt!.Value));
        // 10:00 in Nairobi (UTC+3) on 4 May, one day before.
        Assert.Equal(new DateTime(2026, 5, 3, 7, 0, 0), opening.Schedule.Single().DueAt);
    }

    [Fact]
    public void A_reminder_already_sent_is_armed_again_when_the_deadline_moves_and_its_new_due_time_is_ahead()
    {
        var session = NewSession(new DateTime(2026, 3, 5, 12, 0, 0, DateTimeKind.Utc));
        var reminder = new Reminder(1, ReminderOccasion.NominationDeadline);
        reminder.Configure(true, [TimeSpan.FromDays(7)], session, _now);
        var scheduled = reminder.Schedule.Single();
        typeof(ScheduledReminder).GetProperty(nameof(ScheduledReminder.SentAt))!.SetValue(scheduled, _now);

        // Moved, but the new due time is already past: it stays sent.
        session.NominationDeadline = new DateTime(2026, 3, 6, 12, 0, 0, DateTimeKind.Utc);
        reminder.Reschedule(session, _now);
        Assert.Equal(_now, scheduled.SentAt);

        // Moved a month later: due again, in the future.
        session.NominationDeadline = new DateTime(2026, 4, 6, 12, 0, 0, DateTimeKind.Utc);
        reminder.Reschedule(session, _now);
        Assert.Null(scheduled.SentAt);
        Assert.Equal(new DateTime(2026, 3, 30, 12, 0, 0, DateTimeKind.Utc), scheduled.DueAt);
    }

    [Fact]
    public void Reminders_that_are_on_need_a_lead_time_and_at_most_five()
    {
        var session = NewSession(null);
        var reminder = new Reminder(1, ReminderOccasion.NominationDeadline);

        Assert.Throws<DomainException>(() => reminder.Configure(true, [], session, _now));
        Assert.Throws<DomainException>(() => reminder.Configure(true, [.. Enumerable.Range(1, 6).Select(d => TimeSpan.FromDays(d))], session, _now));
        Assert.Throws<DomainException>(() => reminder.Configure(true, [TimeSpan.FromDays(400)], session, _now));

        reminder.Configure(false, [], session, _now);
        Assert.False(reminder.IsOn);
        Assert.Empty(reminder.Schedule);
    }
}
