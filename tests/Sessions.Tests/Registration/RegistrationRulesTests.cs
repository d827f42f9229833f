using Sessions.Core.Common;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;

namespace Sessions.Tests.Registration;

public sealed class RegistrationRulesTests
{
    private static readonly DateTime _now = new(2023, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(OrganisationCategory.MemberState, true, Capacity.Member)]
    [InlineData(OrganisationCategory.MemberState, false, Capacity.ObserverState)]
    [InlineData(OrganisationCategory.ObserverState, false, Capacity.ObserverState)]
    [InlineData(OrganisationCategory.UnSystemEntity, false, Capacity.UnSystem)]
    [InlineData(OrganisationCategory.IntergovernmentalOrganisation, false, Capacity.IntergovernmentalOrganisation)]
    [InlineData(OrganisationCategory.NonGovernmentalOrganisation, false, Capacity.Stakeholder)]
    [InlineData(OrganisationCategory.LocalOrRegionalGovernment, true, Capacity.Stakeholder)]
    public void Capacity_is_derived_from_membership_and_category(OrganisationCategory category, bool member, Capacity expected) =>
        Assert.Equal(expected, Capacities.Derive(category, member));

    [Fact]
    public void Observers_are_capped_by_the_body_unless_the_session_overrides_and_members_only_when_the_session_says()
    {
        Assert.Equal(5, NominationRules.QuotaFor(Capacity.Stakeholder, 5, null, null));
        Assert.Equal(2, NominationRules.QuotaFor(Capacity.ObserverState, 5, 2, null));
        Assert.Null(NominationRules.QuotaFor(Capacity.Member, 5, 2, null));
        Assert.Equal(8, NominationRules.QuotaFor(Capacity.Member, 5, 2, 8));
    }

    [Fact]
    public void A_nomination_beyond_the_quota_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NominationRules.Decide(Capacity.Stakeholder, _now, null, 1, 1, null, 0));
        Assert.Equal("Your delegation has reached its quota of {0} participants.", error.Message);
    }

    [Fact]
    public void A_nomination_after_the_deadline_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NominationRules.Decide(Capacity.Member, _now, _now.AddSeconds(-1), null, 0, null, 0));
        Assert.StartsWith("Nominations are closed", error.Message);
        Assert.Equal(ParticipantStatus.Nominated, NominationRules.Decide(Capacity.Member, _now, _now, null, 0, null, 0));
    }

    [Fact]
    public void An_observer_beyond_the_room_capacity_is_waitlisted_but_a_member_is_not()
    {
        Assert.Equal(ParticipantStatus.Waitlisted, NominationRules.Decide(Capacity.Stakeholder, _now, null, 5, 0, 100, 100));
        Assert.Equal(ParticipantStatus.Nominated, NominationRules.Decide(Capacity.Stakeholder, _now, null, 5, 0, 100, 99));
        Assert.Equal(ParticipantStatus.Nominated, NominationRules.Decide(Capacity.Member, _now, null, null, 0, 100, 100));
    }

    [Fact]
    public void A_pdf_is_recognised_by_its_content_not_its_name()
    {
        UploadRule.Pdf.Check("%PDF-1.7\n"u8, 9);
        Assert.Equal("The file is not a PDF document.", Assert.Throws<DomainException>(() => UploadRule.Pdf.Check("PK\u0003\u0004"u8, 4)).Message);
        Assert.Equal("The file is empty.", Assert.Throws<DomainException>(() => UploadRule.Pdf.Check([], 0)).Message);
        Assert.Equal("The file is larger than {0} MB.", Assert.Throws<DomainException>(() => UploadRule.Pdf.Check("%PDF-"u8, 10 * 1024 * 1024 + 1)).Message);
    }

    [Fact]
    public void A_delegation_goes_from_draft_to_submitted_to_approved_and_back_to_review_when_edited()
    {
        var delegation = new Delegation(1, 2, Capacity.Stakeholder, "user", _now);
        Assert.Throws<DomainException>(() => delegation.Submit(_now));
        delegation.AttachLetter(Guid.NewGuid());
        var participant = delegation.Nominate(Details("ana@example.org"), ParticipantStatus.Nominated, _now);
        delegation.Submit(_now);
        Assert.Equal(RegistrationStatus.Submitted, delegation.Status);

        delegation.Approve("secretariat", _now);
        participant.Approve(GroundsPassRequirements.None);
        Assert.NotNull(participant.BadgeToken);
        Assert.Equal(40, participant.BadgeToken!.Length);

        delegation.Nominate(Details("ben@example.org"), ParticipantStatus.Nominated, _now);
        Assert.Equal(RegistrationStatus.Submitted, delegation.Status);
    }

    [Fact]
    public void The_same_email_cannot_be_nominated_twice_in_a_delegation()
    {
        var delegation = new Delegation(1, 2, Capacity.Stakeholder, "user", _now);
        delegation.Nominate(Details("ana@example.org"), ParticipantStatus.Nominated, _now);
        var error = Assert.Throws<DomainException>(() => delegation.Nominate(Details("ANA@example.org "), ParticipantStatus.Nominated, _now));
        Assert.Equal("{0} is already nominated in this delegation.", error.Message);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_withdrawal_revokes_badges()
    {
        var delegation = new Delegation(1, 2, Capacity.Stakeholder, "user", _now);
        delegation.AttachLetter(Guid.NewGuid());
        var participant = delegation.Nominate(Details("ana@example.org"), ParticipantStatus.Nominated, _now);
        delegation.Submit(_now);
        Assert.Throws<DomainException>(() => delegation.Reject("secretariat", _now, " "));
        delegation.Approve("secretariat", _now);
        participant.Approve(GroundsPassRequirements.None);
        delegation.Withdraw(_now);
        Assert.Equal(ParticipantStatus.Withdrawn, participant.Status);
        Assert.NotNull(participant.BadgeRevokedAt);
    }

    [Fact]
    public void Editing_an_approved_participant_sends_them_and_the_delegation_back_to_review()
    {
        var delegation = new Delegation(1, 2, Capacity.Stakeholder, "user", _now);
        delegation.AttachLetter(Guid.NewGuid());
        var participant = delegation.Nominate(Details("ana@example.org"), ParticipantStatus.Nominated, _now);
        participant.Confirm(_now);
        delegation.Submit(_now);
        delegation.Approve("secretariat", _now);
        participant.Approve(GroundsPassRequirements.None);

        delegation.EditParticipant(participant.Id, Details("ana.perez@example.org"));

        Assert.Equal(RegistrationStatus.Submitted, delegation.Status);
        // Another address is another person as far as the invitation goes: they confirm again, from a new link.
        Assert.Equal(ParticipantStatus.Nominated, participant.Status);
        Assert.Equal("ana.perez@example.org", participant.Email);
    }

    [Fact]
    public void A_withdrawn_participant_cannot_be_edited_and_withdrawing_twice_frees_no_second_place()
    {
        var delegation = new Delegation(1, 2, Capacity.Stakeholder, "user", _now);
        var participant = delegation.Nominate(Details("ana@example.org"), ParticipantStatus.Nominated, _now);

        Assert.True(delegation.WithdrawParticipant(participant.Id, _now));
        Assert.False(delegation.WithdrawParticipant(participant.Id, _now));
        var error = Assert.Throws<DomainException>(() => delegation.EditParticipant(participant.Id, Details("ana@example.org")));
        Assert.Equal("This participant can no longer be changed.", error.Message);
    }

    [Fact]
    public void A_waitlisted_participant_withdrawn_held_no_place()
    {
        var delegation = new Delegation(1, 2, Capacity.Stakeholder, "user", _now);
        var participant = delegation.Nominate(Details("ana@example.org"), ParticipantStatus.Waitlisted, _now);

        Assert.False(delegation.WithdrawParticipant(participant.Id, _now));
        Assert.Equal(ParticipantStatus.Withdrawn, participant.Status);
    }

    [Fact]
    public void Nominations_stay_open_until_the_deadline_itself()
    {
        NominationRules.EnsureNominationsOpen(_now, null);
        NominationRules.EnsureNominationsOpen(_now, _now);
        var error = Assert.Throws<DomainException>(() => NominationRules.EnsureNominationsOpen(_now.AddSeconds(1), _now));
        Assert.Equal("Nominations are closed: the deadline has passed. You can only withdraw now.", error.Message);
    }

    private static ParticipantDetails Details(string email) =>
        new("Ms", "Ana", "Pérez", ParticipantFunction.Representative, email, "es", ConsentToPublicList: true);
}
