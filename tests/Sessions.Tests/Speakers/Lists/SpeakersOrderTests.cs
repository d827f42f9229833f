using Sessions.Core.Registration;
using Sessions.Core.Speakers;

namespace Sessions.Tests.Speakers.Lists;

/// <summary>The protocol order of a speakers list, rule by rule (DESIGN.md, "Rules that are the product").</summary>
public sealed class SpeakersOrderTests
{
    private static readonly DateTime _nine = new(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Points_of_order_come_before_everyone_else()
    {
        var order = Arrange(
            Statement(1, Capacity.Member, 0, LevelOfRepresentation.HeadOfStateOrGovernment),
            Group(2, 1),
            PointOfOrder(3, 30));

        Assert.Equal([3, 2, 1], order);
    }

    [Fact]
    public void Group_statements_come_before_the_members_of_the_body_and_follow_each_other_by_inscription()
    {
        var order = Arrange(
            Statement(1, Capacity.Member, 0, LevelOfRepresentation.HeadOfStateOrGovernment),
            Group(2, 20),
            Group(3, 10));

        Assert.Equal([3, 2, 1], order);
    }

    [Fact]
    public void Members_of_the_body_speak_by_level_of_representation_before_time_of_inscription()
    {
        var order = Arrange(
            Statement(1, Capacity.Member, 0, LevelOfRepresentation.Other),
            Statement(2, Capacity.Member, 1, LevelOfRepresentation.HeadOfDelegationOrAmbassador),
            Statement(3, Capacity.Member, 2, LevelOfRepresentation.ViceMinister),
            Statement(4, Capacity.Member, 3, LevelOfRepresentation.Minister),
            Statement(5, Capacity.Member, 4, LevelOfRepresentation.VicePresidentOrDeputyPrimeMinister),
            Statement(6, Capacity.Member, 5, LevelOfRepresentation.HeadOfStateOrGovernment));

        Assert.Equal([6, 5, 4, 3, 2, 1], order);
    }

    [Fact]
    public void Members_of_the_same_level_speak_in_order_of_inscription()
    {
        var order = Arrange(
            Statement(1, Capacity.Member, 30, LevelOfRepresentation.Minister),
            Statement(2, Capacity.Member, 10, LevelOfRepresentation.Minister),
            Statement(3, Capacity.Member, 20, LevelOfRepresentation.Minister));

        Assert.Equal([2, 3, 1], order);
    }

    [Fact]
    public void A_tie_in_level_and_time_of_inscription_goes_to_the_entry_written_first_whatever_the_input_order()
    {
        var a = Statement(7, Capacity.Member, 0, LevelOfRepresentation.Minister);
        var b = Statement(4, Capacity.Member, 0, LevelOfRepresentation.Minister);
        var c = Statement(9, Capacity.Member, 0, LevelOfRepresentation.Minister);

        Assert.Equal([4, 7, 9], Arrange(a, b, c));
        Assert.Equal([4, 7, 9], Arrange(c, a, b));
    }

    [Fact]
    public void Observer_states_follow_the_members_whatever_their_level_and_speak_in_order_of_inscription()
    {
        var order = Arrange(
            Statement(1, Capacity.ObserverState, 0, LevelOfRepresentation.HeadOfStateOrGovernment),
            Statement(2, Capacity.Member, 50, LevelOfRepresentation.Other),
            Statement(3, Capacity.ObserverState, -10, LevelOfRepresentation.Other));

        Assert.Equal([2, 3, 1], order);
    }

    [Fact]
    public void The_un_system_and_igos_follow_observer_states_together_in_order_of_inscription()
    {
        var order = Arrange(
            Statement(1, Capacity.IntergovernmentalOrganisation, 5),
            Statement(2, Capacity.UnSystem, 10),
            Statement(3, Capacity.IntergovernmentalOrganisation, 15),
            Statement(4, Capacity.ObserverState, 20),
            Statement(5, Capacity.UnSystem, 0));

        Assert.Equal([4, 5, 1, 2, 3], order);
    }

    [Fact]
    public void Other_organisations_follow_the_un_system_and_igos_in_order_of_inscription_not_level()
    {
        var order = Arrange(
            Statement(1, Capacity.Stakeholder, 20, LevelOfRepresentation.Minister),
            Statement(2, Capacity.Stakeholder, 10, LevelOfRepresentation.Other),
            Statement(3, Capacity.UnSystem, 30));

        Assert.Equal([3, 2, 1], order);
    }

    [Fact]
    public void Rights_of_reply_come_last_first_replies_before_second_replies_each_in_order_of_inscription()
    {
        var order = Arrange(
            Reply(1, ReplyRound.Second, 0),
            Reply(2, ReplyRound.First, 40),
            Reply(3, ReplyRound.First, 20),
            Statement(4, Capacity.Stakeholder, 60),
            Reply(5, ReplyRound.Second, -5));

        Assert.Equal([4, 3, 2, 5, 1], order);
    }

    [Fact]
    public void A_full_list_follows_the_protocol_from_any_input_order()
    {
        var entries = new[]
        {
            Reply(1, ReplyRound.Second, 0),
            Statement(2, Capacity.Stakeholder, 1),
            Statement(3, Capacity.UnSystem, 2),
            Statement(4, Capacity.ObserverState, 3),
            Statement(5, Capacity.Member, 4, LevelOfRepresentation.Other),
            Statement(6, Capacity.Member, 5, LevelOfRepresentation.Minister),
            Group(7, 6),
            PointOfOrder(8, 7),
            Reply(9, ReplyRound.First, 8),
        };

        Assert.Equal([8, 7, 6, 5, 4, 3, 2, 9, 1], Arrange(entries));
        Assert.Equal([8, 7, 6, 5, 4, 3, 2, 9, 1], Arrange(entries.Reverse().ToArray()));
    }

    [Fact]
    public void Those_who_spoke_or_are_speaking_keep_their_places_in_the_order_they_were_called()
    {
        var order = Arrange(
            Statement(1, Capacity.Stakeholder, 0) with { Status = SpeakerStatus.Spoke, CalledAt = _nine.AddMinutes(60) },
            Statement(2, Capacity.ObserverState, 1) with { Status = SpeakerStatus.Skipped, CalledAt = _nine.AddMinutes(65) },
            Statement(3, Capacity.Member, 2, LevelOfRepresentation.Other) with { Status = SpeakerStatus.Speaking, CalledAt = _nine.AddMinutes(70) },
            PointOfOrder(4, 3),
            Statement(5, Capacity.Member, 4, LevelOfRepresentation.HeadOfStateOrGovernment));

        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public void A_new_inscription_takes_its_protocol_place_among_the_waiting_only()
    {
        var entries = new List<Entry>
        {
            Statement(1, Capacity.Member, 0, LevelOfRepresentation.Other) with { Status = SpeakerStatus.Spoke, CalledAt = _nine.AddMinutes(60) },
            Statement(2, Capacity.Member, 1, LevelOfRepresentation.Other),
            Statement(3, Capacity.ObserverState, 2),
        };
        Assert.Equal([1, 2, 3], Arrange([.. entries]));

        entries.Add(Statement(4, Capacity.Member, 90, LevelOfRepresentation.Minister));

        Assert.Equal([1, 4, 2, 3], Arrange([.. entries]));
    }

    [Fact]
    public void Withdrawn_entries_are_left_out_and_the_others_close_up()
    {
        var order = Arrange(
            Statement(1, Capacity.Member, 0) with { Status = SpeakerStatus.Withdrawn },
            Statement(2, Capacity.Member, 1),
            Statement(3, Capacity.Member, 2));

        Assert.Equal([2, 3], order);
    }

    [Fact]
    public void A_moved_entry_takes_the_place_it_was_moved_to_and_the_others_keep_the_protocol_order_around_it()
    {
        var order = Arrange(
            Statement(1, Capacity.Member, 0),
            Statement(2, Capacity.Member, 1),
            Statement(3, Capacity.Member, 2),
            Statement(4, Capacity.Stakeholder, 3) with { ManualPosition = 2, MovedAt = _nine.AddHours(1) });

        Assert.Equal([1, 4, 2, 3], order);
    }

    [Fact]
    public void A_moved_entry_keeps_its_place_as_the_speakers_above_it_are_called()
    {
        var moved = Statement(4, Capacity.Stakeholder, 3) with { ManualPosition = 3, MovedAt = _nine.AddHours(1) };
        var before = Arrange(Statement(1, Capacity.Member, 0), Statement(2, Capacity.Member, 1), Statement(3, Capacity.Member, 2), moved);

        var after = Arrange(
            Statement(1, Capacity.Member, 0) with { Status = SpeakerStatus.Spoke, CalledAt = _nine.AddHours(2) },
            Statement(2, Capacity.Member, 1) with { Status = SpeakerStatus.Speaking, CalledAt = _nine.AddHours(3) },
            Statement(3, Capacity.Member, 2),
            moved);

        Assert.Equal([1, 2, 4, 3], before);
        Assert.Equal([1, 2, 4, 3], after);
    }

    [Fact]
    public void A_moved_entry_keeps_its_place_when_a_higher_ranking_speaker_inscribes()
    {
        var order = Arrange(
            Statement(1, Capacity.Member, 0),
            Statement(2, Capacity.Member, 1),
            Statement(3, Capacity.Stakeholder, 2) with { ManualPosition = 2, MovedAt = _nine.AddHours(1) },
            Statement(4, Capacity.Member, 120, LevelOfRepresentation.HeadOfStateOrGovernment));

        Assert.Equal([4, 3, 1, 2], order);
    }

    [Fact]
    public void A_moved_entry_never_goes_above_those_who_are_done_and_a_place_beyond_the_end_puts_it_last()
    {
        var order = Arrange(
            Statement(1, Capacity.Member, 0) with { Status = SpeakerStatus.Spoke, CalledAt = _nine.AddHours(2) },
            Statement(2, Capacity.Member, 1) with { Status = SpeakerStatus.Spoke, CalledAt = _nine.AddHours(3) },
            Statement(3, Capacity.Member, 2),
            Statement(4, Capacity.Stakeholder, 3) with { ManualPosition = 1, MovedAt = _nine.AddHours(1) },
            PointOfOrder(5, 4) with { ManualPosition = 40, MovedAt = _nine.AddHours(1) });

        Assert.Equal([1, 2, 4, 3, 5], order);
    }

    [Fact]
    public void When_two_moved_entries_claim_the_same_place_the_later_move_takes_it()
    {
        var order = Arrange(
            Statement(1, Capacity.Member, 0),
            Statement(2, Capacity.Member, 1),
            Statement(3, Capacity.Stakeholder, 2) with { ManualPosition = 1, MovedAt = _nine.AddHours(1) },
            Statement(4, Capacity.Stakeholder, 3) with { ManualPosition = 1, MovedAt = _nine.AddHours(2) });

        Assert.Equal([4, 3, 1, 2], order);
    }

    [Fact]
    public void A_moved_entry_can_go_above_a_point_of_order()
    {
        var order = Arrange(
            PointOfOrder(1, 0),
            Reply(2, ReplyRound.First, 1) with { ManualPosition = 1, MovedAt = _nine.AddHours(1) });

        Assert.Equal([2, 1], order);
    }

    private static int[] Arrange(params Entry[] entries) => [.. SpeakersOrder.Arrange(entries).Select(e => e.Id)];

    private static Entry Statement(int id, Capacity capacity, int minute, LevelOfRepresentation level = LevelOfRepresentation.Other) =>
        new(id, InscriptionKind.Statement, capacity, level, null, _nine.AddMinutes(minute));

    private static Entry Group(int id, int minute) =>
        new(id, InscriptionKind.GroupStatement, Capacity.Member, LevelOfRepresentation.HeadOfDelegationOrAmbassador, null, _nine.AddMinutes(minute));

    private static Entry PointOfOrder(int id, int minute) =>
        new(id, InscriptionKind.PointOfOrder, Capacity.Member, LevelOfRepresentation.Other, null, _nine.AddMinutes(minute));

    private static Entry Reply(int id, ReplyRound round, int minute) =>
        new(id, InscriptionKind.RightOfReply, Capacity.Member, LevelOfRepresentation.Other, round, _nine.AddMinutes(minute));

    private sealed record Entry(
        int Id,
        InscriptionKind Kind,
        Capacity Capacity,
        LevelOfRepresentation Level,
        ReplyRound? ReplyRound,
        DateTime InscribedAt,
        SpeakerStatus Status = SpeakerStatus.Waiting,
        DateTime? CalledAt = null,
        int? ManualPosition = null,
        DateTime? MovedAt = null) : ISpeakerEntry;
}
