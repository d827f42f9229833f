using Sessions.Core.Common;
using Sessions.Core.Registration;

namespace Sessions.Tests.Registration;

/// <summary>When a participant may be linked to an account (<see cref="ParticipantAccounts"/>), and what a link survives.</summary>
public sealed class ParticipantAccountsRuleTests
{
    private static readonly DateTime _now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_verified_account_with_the_participants_address_may_be_linked_whatever_the_case_and_spaces()
    {
        var participant = Nominee("Ana.Lopez@Example.org");

        Assert.True(ParticipantAccounts.MayLink(participant, " ana.lopez@example.ORG ", emailConfirmed: true, fromInvitation: false));
    }

    [Fact]
    public void An_unverified_address_never_links()
    {
        var participant = Nominee("ana@example.org");

        Assert.False(ParticipantAccounts.MayLink(participant, "ana@example.org", emailConfirmed: false, fromInvitation: false));
        Assert.False(ParticipantAccounts.MayLink(participant, "ana@example.org", emailConfirmed: false, fromInvitation: true));
    }

    [Fact]
    public void Another_address_never_links_even_from_the_invitation()
    {
        var participant = Nominee("ana@example.org");

        Assert.False(ParticipantAccounts.MayLink(participant, "someone.else@example.org", emailConfirmed: true, fromInvitation: true));
        Assert.False(ParticipantAccounts.MayLink(participant, null, emailConfirmed: true, fromInvitation: true));
    }

    [Fact]
    public void A_link_the_secretariat_undid_is_made_again_only_from_the_invitation()
    {
        var participant = Nominee("ana@example.org");
        participant.LinkAccount("user-1");

        participant.UndoAccountLink();

        Assert.Null(participant.UserId);
        Assert.True(participant.AccountLinkUndone);
        Assert.False(ParticipantAccounts.MayLink(participant, "ana@example.org", emailConfirmed: true, fromInvitation: false));
        Assert.True(ParticipantAccounts.MayLink(participant, "ana@example.org", emailConfirmed: true, fromInvitation: true));
        participant.LinkAccount("user-1");
        Assert.False(participant.AccountLinkUndone);
    }

    [Fact]
    public void Undoing_a_link_that_is_not_there_is_refused()
    {
        Assert.Throws<DomainException>(() => Nominee("ana@example.org").UndoAccountLink());
    }

    [Fact]
    public void A_new_address_drops_the_link_and_its_undoing_but_a_change_of_case_keeps_them()
    {
        var participant = Nominee("ana@example.org");
        participant.LinkAccount("user-1");

        participant.Update(Details("ANA@example.org"));
        Assert.Equal("user-1", participant.UserId);

        participant.UndoAccountLink();
        participant.Update(Details("ana.lopez@example.org"));
        Assert.Null(participant.UserId);
        Assert.False(participant.AccountLinkUndone);
    }

    private static Participant Nominee(string email) =>
        new Delegation(1, 2, Capacity.Stakeholder, "user", _now).Nominate(Details(email), ParticipantStatus.Nominated, _now);

    private static ParticipantDetails Details(string email) =>
        new("", "Ana", "Lopez", ParticipantFunction.Representative, email, "es", true);
}
