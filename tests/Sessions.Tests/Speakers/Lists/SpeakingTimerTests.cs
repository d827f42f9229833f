using Sessions.Core.Common;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;

namespace Sessions.Tests.Speakers.Lists;

/// <summary>The console's timer: started, paused and resumed, extended, and stopped with the time spoken kept.</summary>
public sealed class SpeakingTimerTests
{
    private static readonly DateTime _now = new(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Calling_the_next_speaker_takes_the_first_waiting_in_speaking_order_with_its_time_limit()
    {
        var list = NewList();
        list.Inscribe(Request(1, Capacity.Stakeholder), _now);
        var member = list.Inscribe(Request(2, Capacity.Member), _now.AddMinutes(1));

        var called = list.CallNext(_now.AddMinutes(2));

        Assert.Same(member, called);
        Assert.Equal((SpeakerStatus.Speaking, 300), (called.Status, called.AllottedSeconds!.Value));
        Assert.Equal(new SpeakingClock(TimeSpan.Zero, TimeSpan.FromMinutes(5), IsRunning: false), called.ClockAt(_now.AddMinutes(3)));
        Assert.Equal("Another speaker has the floor.", Assert.Throws<DomainException>(() => list.CallNext(_now.AddMinutes(3))).Message);
    }

    [Fact]
    public void An_empty_list_has_no_one_to_call()
    {
        Assert.Equal("No one is waiting to speak.", Assert.Throws<DomainException>(() => NewList().CallNext(_now)).Message);
    }

    [Fact]
    public void Pauses_are_not_counted_and_the_time_spoken_is_what_the_timer_measured()
    {
        var list = NewList();
        var entry = list.CallNext(At(0, list));

        list.StartTimer(entry.Id, _now.AddSeconds(10));
        Assert.Equal("The timer is already running.", Assert.Throws<DomainException>(() => list.StartTimer(entry.Id, _now.AddSeconds(11))).Message);
        list.PauseTimer(entry.Id, _now.AddSeconds(70));
        Assert.Equal("The timer is not running.", Assert.Throws<DomainException>(() => list.PauseTimer(entry.Id, _now.AddSeconds(71))).Message);
        Assert.Equal(TimeSpan.FromSeconds(60), entry.ClockAt(_now.AddSeconds(500)).Elapsed);
        list.StartTimer(entry.Id, _now.AddSeconds(600));
        Assert.Equal(new SpeakingClock(TimeSpan.FromSeconds(90), TimeSpan.FromMinutes(5), IsRunning: true), entry.ClockAt(_now.AddSeconds(630)));
        list.FinishSpeaking(entry.Id, _now.AddSeconds(645));

        Assert.Equal((SpeakerStatus.Spoke, 105), (entry.Status, entry.SpokeForSeconds!.Value));
        Assert.False(entry.ClockAt(_now.AddHours(1)).IsRunning);
    }

    [Fact]
    public void An_extension_adds_to_the_time_allowed_and_running_over_leaves_a_negative_remainder()
    {
        var list = NewList();
        var entry = list.CallNext(At(0, list));
        list.StartTimer(entry.Id, _now);

        list.Extend(entry.Id, TimeSpan.FromMinutes(1), _now.AddMinutes(4));
        list.Extend(entry.Id, TimeSpan.FromSeconds(30), _now.AddMinutes(4));

        Assert.Equal(TimeSpan.FromSeconds(390), entry.ClockAt(_now).Allowed);
        Assert.Equal(TimeSpan.FromSeconds(-10), entry.ClockAt(_now.AddSeconds(400)).Remaining);
        Assert.Equal("An extension is between 1 second and {0} minutes.", Assert.Throws<DomainException>(() => list.Extend(entry.Id, TimeSpan.Zero, _now)).Message);
        Assert.Throws<DomainException>(() => list.Extend(entry.Id, TimeSpan.FromMinutes(31), _now));
    }

    [Fact]
    public void A_point_of_order_has_no_limit_to_count_down_or_extend()
    {
        var list = NewList();
        var entry = list.Inscribe(Request(1, Capacity.Member) with { Kind = InscriptionKind.PointOfOrder }, _now);
        list.GiveTheFloor(entry.Id, _now);

        Assert.Null(entry.ClockAt(_now).Remaining);
        Assert.Equal("A point of order has no time limit to extend.", Assert.Throws<DomainException>(() => list.Extend(entry.Id, TimeSpan.FromMinutes(1), _now)).Message);
    }

    [Fact]
    public void A_speaker_called_but_not_in_the_room_is_skipped_unless_the_timer_has_run()
    {
        var list = NewList();
        var absent = list.CallNext(At(0, list));
        list.Skip(absent.Id, _now.AddMinutes(1));
        Assert.Equal(SpeakerStatus.Skipped, absent.Status);
        Assert.Null(list.Speaking);

        var present = list.CallNext(At(1, list));
        list.StartTimer(present.Id, _now);
        list.PauseTimer(present.Id, _now.AddSeconds(5));

        Assert.Equal("This speaker has started speaking: stop the timer instead.", Assert.Throws<DomainException>(() => list.Skip(present.Id, _now)).Message);
    }

    [Fact]
    public void A_speaker_whose_timer_never_ran_cannot_be_marked_as_having_spoken()
    {
        var list = NewList();
        var entry = list.CallNext(At(0, list));

        var error = Assert.Throws<DomainException>(() => list.FinishSpeaking(entry.Id, _now.AddMinutes(1)));

        Assert.Equal("Start the timer first, or mark the speaker not present.", error.Message);
        Assert.Equal(SpeakerStatus.Speaking, entry.Status);
    }

    [Fact]
    public void The_limit_is_fixed_when_the_speaker_is_called()
    {
        var list = NewList();
        var entry = list.CallNext(At(0, list));

        list.SetTimeLimits(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2), _now);

        Assert.Equal(TimeSpan.FromMinutes(5), entry.ClockAt(_now).Allowed);
    }

    private static SpeakersList NewList() => new(sessionId: 1, agendaItemId: 1, meetingId: null, _now.AddDays(-1));

    /// <summary>Inscribes a member delegation numbered <paramref name="delegationId"/> and returns the time to call it at.</summary>
    private static DateTime At(int delegationId, SpeakersList list)
    {
        var entry = list.Inscribe(Request(delegationId + 10, Capacity.Member), _now.AddMinutes(-10 + delegationId));
        typeof(Inscription).GetProperty(nameof(Inscription.Id))!.SetValue(entry, delegationId + 1); // as if saved
        return _now;
    }

    private static InscriptionRequest Request(int delegationId, Capacity capacity) =>
        new(delegationId, capacity, InscriptionKind.Statement, LevelOfRepresentation.Other);
}
