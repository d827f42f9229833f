using Sessions.Core.Attendance;
using Sessions.Core.Common;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Tests.Attendance.CheckIn;

/// <summary>Recording a participant present: at the door by badge, or by themselves while self check-in is open.</summary>
public sealed class CheckInRulesTests
{
    private static readonly DateTime _starts = new(2026, 5, 25, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_valid_badge_during_the_meeting_is_recorded_present_by_scan()
    {
        var (outcome, record) = Presence.AtTheDoor(Holder(), Meeting(), null, _starts.AddMinutes(5), "door");

        Assert.Equal(CheckInOutcome.Recorded, outcome);
        Assert.Equal((AttendanceStatus.Present, AttendanceMethod.Scan, "door"), (record.Status, record.Method, record.RecordedByUserId));
    }

    [Fact]
    public void A_second_scan_for_the_same_meeting_is_recognised_and_not_counted_again()
    {
        var meeting = Meeting();
        var (_, first) = Presence.AtTheDoor(Holder(), meeting, null, _starts, "door-1");

        var (outcome, record) = Presence.AtTheDoor(Holder(), meeting, first, _starts.AddMinutes(1), "door-2");

        Assert.Equal(CheckInOutcome.AlreadyPresent, outcome);
        Assert.Same(first, record);
        Assert.Equal("door-1", record.RecordedByUserId);
    }

    [Fact]
    public void A_participant_marked_absent_on_the_roster_who_arrives_is_recorded_present()
    {
        var absent = new AttendanceRecord(1, 0, AttendanceStatus.Absent, AttendanceMethod.Roster, _starts, "secretariat");

        var (outcome, record) = Presence.AtTheDoor(Holder(), Meeting(), absent, _starts.AddMinutes(20), "door");

        Assert.Equal(CheckInOutcome.Recorded, outcome);
        Assert.Equal((AttendanceStatus.Present, AttendanceMethod.Scan), (record.Status, record.Method));
    }

    [Fact]
    public void Unknown_revoked_other_session_and_unapproved_badges_are_refused()
    {
        var meeting = Meeting();
        string Refusal(BadgeHolder? holder) => Assert.Throws<DomainException>(() => Presence.AtTheDoor(holder, meeting, null, _starts, "door")).Message;

        Assert.Equal("No badge has this code.", Refusal(null));
        Assert.Equal("This badge has been revoked.", Refusal(Holder() with { BadgeRevokedAt = _starts.AddDays(-1) }));
        Assert.Equal("This badge is for another session.", Refusal(Holder() with { SessionId = 99 }));
        Assert.Equal("This participant is not approved for the session.", Refusal(Holder() with { ParticipantStatus = ParticipantStatus.Withdrawn }));
        Assert.Equal("This participant is not approved for the session.", Refusal(Holder() with { DelegationStatus = RegistrationStatus.Submitted }));
    }

    [Fact]
    public void Check_in_opens_an_hour_before_the_meeting_and_closes_when_it_ends()
    {
        var meeting = Meeting();

        Assert.Equal(CheckInOutcome.Recorded, Presence.AtTheDoor(Holder(), meeting, null, _starts.AddHours(-1), "door").Outcome);
        Assert.Equal(CheckInOutcome.Recorded, Presence.AtTheDoor(Holder(), meeting, null, meeting.EndsAt, "door").Outcome);
        var early = Assert.Throws<DomainException>(() => Presence.AtTheDoor(Holder(), meeting, null, _starts.AddHours(-1).AddSeconds(-1), "door"));
        Assert.Equal("Meeting {0} is not in progress.", early.Message);
        Assert.Throws<DomainException>(() => Presence.AtTheDoor(Holder(), meeting, null, meeting.EndsAt.AddSeconds(1), "door"));
    }

    [Fact]
    public void Self_check_in_needs_the_secretariat_to_open_it()
    {
        var meeting = Meeting();

        Assert.Equal("Self check-in is not open for this meeting.",
            Assert.Throws<DomainException>(() => Presence.BySelf(Holder(), meeting, null, _starts, "participant")).Message);

        meeting.OpenSelfCheckIn();
        Assert.Equal(AttendanceMethod.Self, Presence.BySelf(Holder(), meeting, null, _starts, "participant").Record.Method);

        meeting.CloseSelfCheckIn();
        Assert.Throws<DomainException>(() => Presence.BySelf(Holder(), meeting, null, _starts, "participant"));
    }

    // The meetings here are not saved: their session id is 0, as is the holder's.
    private static BadgeHolder Holder() => new(1, 0, ParticipantStatus.Approved, RegistrationStatus.Approved, null);

    private static Meeting Meeting()
    {
        var session = new Session(1, 2, "HSP/HA.2", TranslatedText.English("Second session"), TranslatedText.English("Nairobi"), "Africa/Nairobi", new DateOnly(2026, 5, 25), new DateOnly(2026, 5, 29));
        return session.AddMeeting(1, _starts, _starts.AddHours(3), "Plenary hall");
    }
}
