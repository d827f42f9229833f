using Sessions.Core.Bodies;
using Sessions.Core.Common;
using Sessions.Core.Organisations;

namespace Sessions.Tests.Bodies;

public sealed class BodyRulesTests
{
    private static Body Board() => new(TranslatedText.English("Executive Board"), BodyKind.ExecutiveBoard, "HSP/EB", Body.DefaultObserverQuota(BodyKind.ExecutiveBoard));

    [Fact]
    public void The_default_observer_quota_is_five_for_an_assembly_and_one_for_an_executive_board()
    {
        Assert.Equal(5, Body.DefaultObserverQuota(BodyKind.Assembly));
        Assert.Equal(1, Body.DefaultObserverQuota(BodyKind.ExecutiveBoard));
    }

    [Fact]
    public void A_state_cannot_hold_two_overlapping_terms()
    {
        var board = Board();
        board.AddMember(7, new DateOnly(2023, 6, 9), new DateOnly(2027, 6, 8));

        var error = Assert.Throws<DomainException>(() => board.AddMember(7, new DateOnly(2027, 6, 8), null));
        Assert.Equal("This State is already a member for part of that term.", error.Message);
        Assert.Throws<DomainException>(() => board.AddMember(7, new DateOnly(2020, 1, 1), null));
        Assert.Single(board.Memberships);
    }

    [Fact]
    public void Consecutive_terms_and_other_states_are_accepted()
    {
        var board = Board();
        board.AddMember(7, new DateOnly(2023, 6, 9), new DateOnly(2027, 6, 8));
        board.AddMember(7, new DateOnly(2027, 6, 9), null);
        board.AddMember(8, new DateOnly(2023, 6, 9), new DateOnly(2027, 6, 8));

        Assert.Equal(3, board.Memberships.Count);
        Assert.True(board.IsMemberOn(7, new DateOnly(2030, 1, 1)));
        Assert.False(board.IsMemberOn(8, new DateOnly(2027, 6, 9)));
    }

    [Fact]
    public void A_term_cannot_end_before_it_starts()
    {
        var error = Assert.Throws<DomainException>(() => Board().AddMember(7, new DateOnly(2024, 1, 1), new DateOnly(2023, 1, 1)));
        Assert.Equal("A membership term cannot end before it starts.", error.Message);
    }

    [Fact]
    public void A_body_needs_a_name_and_a_symbol_prefix_and_a_quota_that_is_not_negative()
    {
        Assert.Throws<DomainException>(() => new Body(TranslatedText.English(" "), BodyKind.Assembly, "HSP/HA", 5));
        Assert.Throws<DomainException>(() => new Body(TranslatedText.English("Assembly"), BodyKind.Assembly, " ", 5));
        Assert.Throws<DomainException>(() => new Body(TranslatedText.English("Assembly"), BodyKind.Assembly, "HSP/HA", -1));
        Assert.Equal("HSP/HA", new Body(TranslatedText.English(" Assembly "), BodyKind.Assembly, " HSP/HA ", 5).SymbolPrefix);
    }

    [Fact]
    public void The_list_of_un_member_states_holds_the_193_members_and_no_observer()
    {
        Assert.Equal(193, UnMemberStates.Codes.Count);
        Assert.Equal(193, UnMemberStates.Codes.Distinct().Count());
        Assert.All(UnMemberStates.Codes, code => Assert.True(Countries.Exists(code), code));
        Assert.DoesNotContain("PS", UnMemberStates.Codes);
        Assert.DoesNotContain("VA", UnMemberStates.Codes);
        Assert.DoesNotContain("TW", UnMemberStates.Codes);
        Assert.Contains("SS", UnMemberStates.Codes);
        Assert.Contains("KE", UnMemberStates.Codes);
    }
}
