using Sessions.Core.Attendance;
using Sessions.Core.Common;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Tests.Registration;

/// <summary>The rules of online participation: who decides how a participant attends, a meeting's link, and how a presence was taken part in.</summary>
public sealed class OnlineParticipationRulesTests
{
    private static readonly DateTime _starts = new(2026, 5, 25, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void In_a_hybrid_session_the_choice_stands_and_nothing_chosen_keeps_what_was()
    {
        Assert.Equal(AttendanceMode.Online, WayOfAttending.Decide(SessionFormat.Hybrid, AttendanceMode.Online, AttendanceMode.InPerson));
        Assert.Equal(AttendanceMode.InPerson, WayOfAttending.Decide(SessionFormat.Hybrid, AttendanceMode.InPerson, AttendanceMode.Online));
        Assert.Equal(AttendanceMode.Online, WayOfAttending.Decide(SessionFormat.Hybrid, null, AttendanceMode.Online));
    }

    [Fact]
    public void A_session_held_one_way_only_decides_and_refuses_the_other_way()
    {
        Assert.Equal(AttendanceMode.InPerson, WayOfAttending.Decide(SessionFormat.InPerson, null, AttendanceMode.Online));
        Assert.Equal(AttendanceMode.Online, WayOfAttending.Decide(SessionFormat.Online, null, AttendanceMode.InPerson));
        Assert.Equal("This session is held in person only: every participant attends in person.",
            Assert.Throws<DomainException>(() => WayOfAttending.Decide(SessionFormat.InPerson, AttendanceMode.Online, AttendanceMode.InPerson)).Message);
        Assert.Equal("This session is held online only: every participant attends online.",
            Assert.Throws<DomainException>(() => WayOfAttending.Decide(SessionFormat.Online, AttendanceMode.InPerson, AttendanceMode.Online)).Message);
        Assert.Throws<DomainException>(() => WayOfAttending.Decide(SessionFormat.Hybrid, (AttendanceMode)7, AttendanceMode.Online));
    }

    [Fact]
    public void The_way_of_attending_changes_until_the_registration_deadline_and_not_after()
    {
        var deadline = _starts.AddDays(-10);
        WayOfAttending.EnsureChangeable(deadline, deadline);
        WayOfAttending.EnsureChangeable(deadline.AddYears(1), null);
        Assert.Throws<DomainException>(() => WayOfAttending.EnsureChangeable(deadline.AddSeconds(1), deadline));
    }

    [Theory]
    [InlineData("http://meet.example.org/room")]
    [InlineData("ftp://meet.example.org/room")]
    [InlineData("javascript:alert(1)")]
    [InlineData("meet.example.org/room")]
    [InlineData("https://user:secret@meet.example.org/room")]
    [InlineData("https://meet.example.org/a room")]
    public void A_link_that_is_not_plain_https_is_refused(string link) =>
        Assert.Throws<DomainException>(() => OnlineMeetingLink.Check(link));

    [Fact]
    public void An_https_link_is_kept_trimmed_and_an_empty_one_is_none()
    {
        Assert.Equal("https://meet.example.org/j/123?pwd=x", OnlineMeetingLink.Check("  https://meet.example.org/j/123?pwd=x "));
        Assert.Null(OnlineMeetingLink.Check("  "));
        Assert.Throws<DomainException>(() => OnlineMeetingLink.Check("https://meet.example.org/" + new string('a', OnlineMeetingLink.MaxLength)));
    }

    [Fact]
    public void Self_check_in_records_the_way_the_participant_attends_and_the_door_always_the_room()
    {
        var meeting = Meeting();
        meeting.OpenSelfCheckIn();

        Assert.Equal(AttendanceMode.Online, Presence.BySelf(Holder(AttendanceMode.Online), meeting, null, _starts, "participant").Record.Mode);
        Assert.Equal(AttendanceMode.InPerson, Presence.BySelf(Holder(AttendanceMode.InPerson), meeting, null, _starts, "participant").Record.Mode);
        Assert.Equal(AttendanceMode.InPerson, Presence.AtTheDoor(Holder(AttendanceMode.Online), meeting, null, _starts, "door").Record.Mode);
    }

    [Fact]
    public void Only_a_presence_says_how_it_was_taken_part_in()
    {
        var record = new AttendanceRecord(1, 1, AttendanceStatus.Present, AttendanceMethod.Roster, _starts, null, AttendanceMode.Online);
        Assert.Equal(AttendanceMode.Online, record.Mode);

        record.Mark(AttendanceStatus.Excused, AttendanceMethod.Roster, _starts, null, AttendanceMode.Online);
        Assert.Null(record.Mode);
    }

    [Fact]
    public void The_online_link_reminder_takes_one_lead_time()
    {
        var session = new Session(1, 2, "HSP/HA.2", TranslatedText.English("Second session"), TranslatedText.English("Nairobi"), "Africa/Nairobi", new DateOnly(2026, 5, 25), new DateOnly(2026, 5, 29));
        var reminder = new Reminder(1, ReminderOccasion.OnlineMeeting);

        Assert.Throws<DomainException>(() => reminder.Configure(true, [TimeSpan.FromDays(1), TimeSpan.FromHours(2)], session, _starts.AddDays(-30)));
        reminder.Configure(true, [TimeSpan.FromHours(2)], session, _starts.AddDays(-30));
        Assert.Equal(TimeSpan.FromHours(2), reminder.OnlineLinkLeadTime);
        Assert.Null(Assert.Single(reminder.Schedule).DueAt);
    }

    [Fact]
    public void A_link_is_due_from_its_lead_time_before_the_meeting_until_the_meeting_ends()
    {
        var meeting = Meeting();
        var lead = TimeSpan.FromDays(1);
        Assert.False(OnlineLinkNotice.IsDue(meeting, lead, _starts.AddHours(-1)));

        meeting.SetOnlineLink("https://meet.example.org/1");
        Assert.False(OnlineLinkNotice.IsDue(meeting, lead, _starts.AddDays(-1).AddSeconds(-1)));
        Assert.True(OnlineLinkNotice.IsDue(meeting, lead, _starts.AddDays(-1)));
        Assert.True(OnlineLinkNotice.IsDue(meeting, lead, _starts.AddHours(1)));
        Assert.False(OnlineLinkNotice.IsDue(meeting, lead, meeting.EndsAt));
    }

    private static BadgeHolder Holder(AttendanceMode attends) => new(1, 0, ParticipantStatus.Approved, RegistrationStatus.Approved, null, attends);

    private static Meeting Meeting()
    {
        var session = new Session(1, 2, "HSP/HA.2", TranslatedText.English("Second session"), TranslatedText.English("Nairobi"), "Africa/Nairobi", new DateOnly(2026, 5, 25), new DateOnly(2026, 5, 29));
        return session.AddMeeting(1, _starts, _starts.AddHours(3), "Plenary hall");
    }
}
