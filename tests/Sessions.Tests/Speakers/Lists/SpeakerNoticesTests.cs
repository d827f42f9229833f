using Sessions.Core.Registration;
using Sessions.Core.Speakers;

namespace Sessions.Tests.Speakers.Lists;

/// <summary>Who is told about a change to a speakers list, and how long the waiting should expect to wait.</summary>
public sealed class SpeakerNoticesTests
{
    private static readonly DateTime _now = new(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_new_inscription_is_confirmed_and_those_it_pushes_down_by_one_are_not_told()
    {
        var list = NewList(speakersAhead: 0);
        var observers = Enumerable.Range(1, 5).Select(n => Saved(list.Inscribe(Request(n, Capacity.ObserverState), _now.AddMinutes(n)), n)).ToList();
        var before = SpeakerNotices.Places(list);

        var member = list.Inscribe(Request(99, Capacity.Member), _now.AddMinutes(10));
        var due = SpeakerNotices.Collect(list, before, _now.AddMinutes(10));

        Assert.Equal([(member, SpeakerNoticeReason.Confirmed, 1)], due.Select(d => (d.Inscription, d.Reason, d.Place)));
        Assert.Equal(2, SpeakerNotices.Places(list)[observers[0].Id]);
    }

    [Fact]
    public void An_entry_moved_by_more_than_three_places_is_told_its_old_and_new_place()
    {
        var list = NewList(speakersAhead: 0);
        var entries = Enumerable.Range(1, 8).Select(n => Saved(list.Inscribe(Request(n, Capacity.Stakeholder), _now.AddMinutes(n)), n)).ToList();
        var before = SpeakerNotices.Places(list);

        list.MoveTo(entries[7].Id, 2, _now.AddMinutes(20));
        list.MoveTo(entries[4].Id, 3, _now.AddMinutes(21));
        var due = SpeakerNotices.Collect(list, before, _now.AddMinutes(21));

        Assert.Equal([(entries[7], 2, 8)], due.Select(d => (d.Inscription, d.Place, d.PreviousPlace!.Value)));
        Assert.All(due, d => Assert.Equal(SpeakerNoticeReason.Moved, d.Reason));
    }

    [Fact]
    public void A_delegation_is_told_once_when_no_more_than_n_speakers_are_ahead()
    {
        var list = NewList(speakersAhead: 2);
        var entries = Enumerable.Range(1, 5).Select(n => Saved(list.Inscribe(Request(n, Capacity.Member), _now.AddMinutes(n)), n)).ToList();
        var first = SpeakerNotices.Collect(list, new Dictionary<int, int>(), _now).Where(d => d.Reason == SpeakerNoticeReason.AboutToBeCalled);
        Assert.Equal(entries[..3], first.Select(d => d.Inscription));

        list.CallNext(_now.AddMinutes(20));
        list.StartTimer(entries[0].Id, _now.AddMinutes(20));
        list.FinishSpeaking(entries[0].Id, _now.AddMinutes(25));
        var before = SpeakerNotices.Places(list);
        list.CallNext(_now.AddMinutes(30));
        var due = SpeakerNotices.Collect(list, before, _now.AddMinutes(30));

        Assert.Equal([(entries[3], 4)], due.Select(d => (d.Inscription, d.Place)));
        Assert.Equal((SpeakerNoticeReason.AboutToBeCalled, 2), (due[0].Reason, due[0].SpeakersAhead));
        Assert.Equal(_now.AddMinutes(30), entries[3].AboutToBeCalledNoticeAt);
        Assert.Empty(SpeakerNotices.Collect(list, SpeakerNotices.Places(list), _now.AddMinutes(31)));
    }

    [Fact]
    public void A_point_of_order_and_a_list_that_tells_no_one_send_nothing()
    {
        var list = NewList(speakersAhead: 0);
        list.Inscribe(Request(1, Capacity.Member) with { Kind = InscriptionKind.PointOfOrder }, _now);

        Assert.Empty(SpeakerNotices.Collect(list, new Dictionary<int, int>(), _now));
    }

    [Fact]
    public void The_wait_is_what_the_speaker_has_left_plus_the_limits_of_those_ahead()
    {
        var list = NewList(speakersAhead: 0);
        var member = Saved(list.Inscribe(Request(1, Capacity.Member), _now), 1);
        var observer = Saved(list.Inscribe(Request(2, Capacity.ObserverState), _now), 2);
        var ngo = Saved(list.Inscribe(Request(3, Capacity.Stakeholder), _now), 3);
        list.CallNext(_now);
        list.StartTimer(member.Id, _now);

        var waits = SpeakerWait.For(list, _now.AddMinutes(1));

        Assert.Equal(new SpeakerWait(2, 1, TimeSpan.FromMinutes(4)), waits[observer.Id]);
        Assert.Equal(new SpeakerWait(3, 2, TimeSpan.FromMinutes(7)), waits[ngo.Id]);
        Assert.False(waits.ContainsKey(member.Id));
        Assert.Equal(TimeSpan.FromMinutes(3), SpeakerWait.For(list, _now.AddMinutes(9))[ngo.Id].Estimated);
    }

    private static SpeakersList NewList(int speakersAhead)
    {
        var list = new SpeakersList(sessionId: 1, agendaItemId: 1, meetingId: null, _now.AddDays(-1));
        list.SetAboutToBeCalledNotice(speakersAhead, _now.AddDays(-1));
        return list;
    }

    private static Inscription Saved(Inscription entry, int id)
    {
        typeof(Inscription).GetProperty(nameof(Inscription.Id))!.SetValue(entry, id);
        return entry;
    }

    private static InscriptionRequest Request(int delegationId, Capacity capacity) =>
        new(delegationId, capacity, InscriptionKind.Statement, LevelOfRepresentation.Other);
}
