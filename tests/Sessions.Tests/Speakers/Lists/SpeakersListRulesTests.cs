using Sessions.Core.Common;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;

namespace Sessions.Tests.Speakers.Lists;

/// <summary>The rules a speakers list guards when a delegation asks for the floor.</summary>
public sealed class SpeakersListRulesTests
{
    private static readonly DateTime _now = new(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_closed_list_refuses_an_inscription_but_takes_a_point_of_order_from_the_floor()
    {
        var list = NewList();
        list.Close(_now);

        var error = Assert.Throws<DomainException>(() => list.Inscribe(Statement(1), _now));

        Assert.Equal("This speakers list is closed.", error.Message);
        Assert.Equal(InscriptionKind.PointOfOrder, list.Inscribe(Statement(1) with { Kind = InscriptionKind.PointOfOrder }, _now).Kind);
    }

    [Fact]
    public void A_reopened_list_takes_inscriptions_again()
    {
        var list = NewList();
        list.Close(_now);
        list.Open(_now);

        Assert.Single(list.Inscriptions, list.Inscribe(Statement(1), _now));
    }

    [Fact]
    public void Inscription_is_refused_before_the_window_opens_and_from_the_moment_it_closes()
    {
        var list = NewList();
        list.SetInscriptionWindow(_now, _now.AddHours(2), _now);

        Assert.Equal("Inscription on this speakers list has not opened yet.", Assert.Throws<DomainException>(() => list.Inscribe(Statement(1), _now.AddSeconds(-1))).Message);
        Assert.Equal("Inscription on this speakers list has closed.", Assert.Throws<DomainException>(() => list.Inscribe(Statement(1), _now.AddHours(2))).Message);
        list.Inscribe(Statement(1), _now);
        list.Inscribe(Statement(2), _now.AddHours(2).AddSeconds(-1));
        Assert.Equal(2, list.Inscriptions.Count);
    }

    [Fact]
    public void A_window_that_closes_before_it_opens_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewList().SetInscriptionWindow(_now, _now, _now));
        Assert.Equal("Speaker inscription must close after it opens.", error.Message);
    }

    [Fact]
    public void A_delegation_cannot_hold_two_ordinary_statements_on_one_list_but_may_also_speak_for_a_group()
    {
        var list = NewList();
        list.Inscribe(Statement(1), _now);

        var error = Assert.Throws<DomainException>(() => list.Inscribe(Statement(1), _now.AddMinutes(1)));

        Assert.Equal("This delegation is already inscribed for a statement on this list.", error.Message);
        list.Inscribe(Statement(1) with { Kind = InscriptionKind.GroupStatement, GroupName = "Group of 77 and China" }, _now);
        list.Inscribe(Statement(2), _now);
        Assert.Equal(3, list.Inscriptions.Count);
    }

    [Fact]
    public void A_group_statement_needs_the_group_and_one_group_speaks_once()
    {
        var list = NewList();
        var group = Statement(1) with { Kind = InscriptionKind.GroupStatement, GroupName = "  " };

        Assert.Equal("Give the name of the group on whose behalf the statement is made.", Assert.Throws<DomainException>(() => list.Inscribe(group, _now)).Message);
        list.Inscribe(group with { GroupName = "African Group " }, _now);
        var error = Assert.Throws<DomainException>(() => list.Inscribe(group with { DelegationId = 2, GroupName = "african group" }, _now));
        Assert.Equal("{0} is already inscribed on this list.", error.Message);
        Assert.Equal("african group", error.Arguments.Single());
        Assert.Equal("African Group", list.Inscriptions.Single().GroupName);
    }

    [Fact]
    public void A_third_right_of_reply_is_refused()
    {
        var list = NewList();
        list.Inscribe(Reply(1, ReplyRound.First), _now);
        list.Inscribe(Reply(1, ReplyRound.Second), _now);

        var error = Assert.Throws<DomainException>(() => list.Inscribe(Reply(1, ReplyRound.Second), _now));

        Assert.Equal("A delegation has at most {0} rights of reply on an agenda item.", error.Message);
        Assert.Equal(SpeakersList.MaxRightsOfReplyPerDelegation, error.Arguments.Single());
        list.Inscribe(Reply(2, ReplyRound.First), _now);
    }

    [Fact]
    public void Replies_on_the_items_other_lists_count_towards_the_two_per_item()
    {
        var list = NewList();

        var third = Assert.Throws<DomainException>(() => list.Inscribe(Reply(1, ReplyRound.First) with { RepliesOnOtherLists = [ReplyRound.First, ReplyRound.Second] }, _now));
        var again = Assert.Throws<DomainException>(() => list.Inscribe(Reply(1, ReplyRound.First) with { RepliesOnOtherLists = [ReplyRound.First] }, _now));
        var second = list.Inscribe(Reply(1, ReplyRound.Second) with { RepliesOnOtherLists = [ReplyRound.First] }, _now);

        Assert.Equal("A delegation has at most {0} rights of reply on an agenda item.", third.Message);
        Assert.Equal("This delegation already holds this right of reply.", again.Message);
        Assert.Equal(ReplyRound.Second, second.ReplyRound);
    }

    [Fact]
    public void A_second_reply_follows_a_first_and_a_delegation_holds_each_round_once()
    {
        var list = NewList();

        Assert.Equal("A second right of reply follows a first one.", Assert.Throws<DomainException>(() => list.Inscribe(Reply(1, ReplyRound.Second), _now)).Message);
        Assert.Equal("Choose the first or the second right of reply.", Assert.Throws<DomainException>(() => list.Inscribe(Reply(1, ReplyRound.First) with { ReplyRound = null }, _now)).Message);
        list.Inscribe(Reply(1, ReplyRound.First), _now);
        Assert.Equal("This delegation already holds this right of reply.", Assert.Throws<DomainException>(() => list.Inscribe(Reply(1, ReplyRound.First), _now)).Message);
    }

    [Fact]
    public void Only_a_group_statement_keeps_a_group_and_only_a_reply_keeps_a_round()
    {
        var list = NewList();
        var entry = list.Inscribe(Statement(1) with { GroupName = "Group", ReplyRound = ReplyRound.Second }, _now);

        Assert.Null(entry.GroupName);
        Assert.Null(entry.ReplyRound);
        Assert.Equal(SpeakerStatus.Waiting, entry.Status);
        Assert.Equal(_now, entry.InscribedAt);
    }

    [Fact]
    public void Unknown_kinds_and_levels_are_refused()
    {
        var list = NewList();
        Assert.Equal("Choose the kind of inscription.", Assert.Throws<DomainException>(() => list.Inscribe(Statement(1) with { Kind = (InscriptionKind)99 }, _now)).Message);
        Assert.Equal("Choose the level of representation.", Assert.Throws<DomainException>(() => list.Inscribe(Statement(1) with { Level = 0 }, _now)).Message);
    }

    [Fact]
    public void The_time_limit_depends_on_the_kind_and_the_capacity()
    {
        var list = NewList();

        Assert.Equal(TimeSpan.FromMinutes(5), list.TimeLimitFor(list.Inscribe(Statement(1), _now)));
        Assert.Equal(TimeSpan.FromMinutes(5), list.TimeLimitFor(list.Inscribe(Statement(2) with { Kind = InscriptionKind.GroupStatement, GroupName = "G" }, _now)));
        Assert.Equal(TimeSpan.FromMinutes(3), list.TimeLimitFor(list.Inscribe(Statement(3) with { Capacity = Capacity.ObserverState }, _now)));
        Assert.Equal(TimeSpan.FromMinutes(3), list.TimeLimitFor(list.Inscribe(Statement(4) with { Capacity = Capacity.Stakeholder }, _now)));
        Assert.Equal(TimeSpan.FromMinutes(10), list.TimeLimitFor(list.Inscribe(Reply(5, ReplyRound.First), _now)));
        Assert.Equal(TimeSpan.FromMinutes(5), list.TimeLimitFor(list.Inscribe(Reply(5, ReplyRound.Second), _now)));
        Assert.Null(list.TimeLimitFor(list.Inscribe(Statement(6) with { Kind = InscriptionKind.PointOfOrder }, _now)));

        list.SetTimeLimits(TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(3), _now);
        Assert.Equal(TimeSpan.FromMinutes(4), list.TimeLimitFor(list.Inscriptions.First()));
        Assert.Equal("Every time limit must be longer than zero.", Assert.Throws<DomainException>(() => list.SetTimeLimits(TimeSpan.Zero, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(3), _now)).Message);
    }

    [Fact]
    public void Every_change_marks_the_list_changed_so_its_version_is_checked_on_save()
    {
        var list = NewList();
        list.Inscribe(Statement(1), _now.AddMinutes(7));
        Assert.Equal(_now.AddMinutes(7), list.ChangedAt);
    }

    [Fact]
    public void One_speaker_has_the_floor_at_a_time_and_only_they_can_finish()
    {
        var list = NewList();
        var entry = list.Inscribe(Statement(1), _now);

        Assert.Equal("This speaker does not have the floor.", Assert.Throws<DomainException>(() => list.FinishSpeaking(entry.Id, _now)).Message);
        list.GiveTheFloor(entry.Id, _now.AddMinutes(5));
        Assert.Equal("Another speaker has the floor.", Assert.Throws<DomainException>(() => list.GiveTheFloor(entry.Id, _now.AddMinutes(6))).Message);
        list.StartTimer(entry.Id, _now.AddMinutes(5));
        list.FinishSpeaking(entry.Id, _now.AddMinutes(10).AddMilliseconds(-400));

        Assert.Equal((SpeakerStatus.Spoke, 300, _now.AddMinutes(5)), (entry.Status, entry.SpokeForSeconds!.Value, entry.CalledAt!.Value));
    }

    [Fact]
    public void Only_a_waiting_speaker_can_be_called_skipped_withdrawn_or_moved()
    {
        var list = NewList();
        var entry = list.Inscribe(Statement(1), _now);
        list.Skip(entry.Id, _now.AddMinutes(5));

        foreach (var action in new Action[]
        {
            () => list.GiveTheFloor(entry.Id, _now),
            () => list.Skip(entry.Id, _now),
            () => list.Withdraw(entry.Id, _now),
            () => list.MoveTo(entry.Id, 1, _now),
            () => list.ReturnToProtocolOrder(entry.Id, _now),
        })
        {
            Assert.Equal("This speaker is no longer waiting.", Assert.Throws<DomainException>(action).Message);
        }
    }

    [Fact]
    public void A_move_needs_a_place_from_1_and_a_withdrawal_forgets_it()
    {
        var list = NewList();
        var entry = list.Inscribe(Statement(1), _now);

        Assert.Equal("The place on the list must be 1 or more.", Assert.Throws<DomainException>(() => list.MoveTo(entry.Id, 0, _now)).Message);
        list.MoveTo(entry.Id, 3, _now.AddMinutes(1));
        Assert.Equal((3, _now.AddMinutes(1)), (entry.ManualPosition!.Value, entry.MovedAt!.Value));
        list.ReturnToProtocolOrder(entry.Id, _now);
        Assert.Null(entry.ManualPosition);
        list.MoveTo(entry.Id, 2, _now);
        list.Withdraw(entry.Id, _now);
        Assert.Equal((SpeakerStatus.Withdrawn, null), (entry.Status, entry.ManualPosition));
        Assert.Empty(list.InSpeakingOrder());
    }

    [Fact]
    public void A_withdrawn_statement_frees_the_delegation_to_inscribe_again()
    {
        var list = NewList();
        list.Withdraw(list.Inscribe(Statement(1), _now).Id, _now);

        list.Inscribe(Statement(1), _now.AddMinutes(1));

        Assert.Single(list.InSpeakingOrder());
    }

    [Fact]
    public void An_action_on_an_inscription_that_is_not_on_the_list_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewList().GiveTheFloor(42, _now));
        Assert.Equal("This inscription no longer exists.", error.Message);
    }

    private static SpeakersList NewList() => new(sessionId: 1, agendaItemId: 1, meetingId: null, _now.AddDays(-1));

    private static InscriptionRequest Statement(int delegationId) =>
        new(delegationId, Capacity.Member, InscriptionKind.Statement, LevelOfRepresentation.Minister);

    private static InscriptionRequest Reply(int delegationId, ReplyRound round) =>
        new(delegationId, Capacity.Member, InscriptionKind.RightOfReply, LevelOfRepresentation.Other, ReplyRound: round);
}
