using Sessions.Core.Accreditation;
using Sessions.Core.Common;
using AccreditationRecord = Sessions.Core.Accreditation.Accreditation;

// The namespace is not Sessions.Tests.Accreditation: that would hide the Accreditation entity from every other test namespace.
namespace Sessions.Tests.AccreditationRegister;

public sealed class AccreditationRulesTests
{
    private static readonly DateTime _monday = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static AccreditationRecord Application(int bodyId = 7) =>
        AccreditationRecord.ApplyAdHoc(1, bodyId, "We build homes.", Guid.NewGuid(), Guid.NewGuid(), "focal", _monday);

    [Fact]
    public void An_application_starts_pending_with_its_first_history_line()
    {
        var accreditation = Application();

        Assert.Equal(AccreditationStatus.Pending, accreditation.Status);
        Assert.Equal(AccreditationBasis.AdHoc, accreditation.Basis);
        Assert.Equal(7, accreditation.BodyId);
        Assert.Equal("We build homes.", accreditation.Application!.Mission);
        var line = Assert.Single(accreditation.History);
        Assert.Null(line.FromStatus);
        Assert.Equal(AccreditationStatus.Pending, line.ToStatus);
        Assert.Equal("focal", line.ByUserId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_application_needs_a_mission(string mission)
    {
        var error = Assert.Throws<DomainException>(() => AccreditationRecord.ApplyAdHoc(1, 7, mission, Guid.NewGuid(), Guid.NewGuid(), "focal", _monday));
        Assert.Equal("Describe the organisation's mission.", error.Message);
    }

    [Fact]
    public void A_mission_longer_than_the_limit_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => AccreditationApplication.CheckMission(new string('a', AccreditationApplication.MissionMaxLength + 1)));
        Assert.Equal("The mission is too long: at most {0} characters.", error.Message);
        AccreditationApplication.CheckMission(new string('a', AccreditationApplication.MissionMaxLength));
    }

    [Fact]
    public void Granting_records_who_and_when_and_the_grant_date()
    {
        var accreditation = Application();

        accreditation.Grant("secretariat", _monday.AddDays(3));

        Assert.Equal(AccreditationStatus.Granted, accreditation.Status);
        Assert.Equal(new DateOnly(2026, 3, 5), accreditation.GrantedOn);
        var line = accreditation.History.Last();
        Assert.Equal((AccreditationStatus?)AccreditationStatus.Pending, line.FromStatus);
        Assert.Equal(AccreditationStatus.Granted, line.ToStatus);
        Assert.Equal("secretariat", line.ByUserId);
        Assert.Equal(_monday.AddDays(3), line.At);
    }

    [Fact]
    public void Rejecting_needs_a_reason_and_keeps_it()
    {
        var accreditation = Application();

        var error = Assert.Throws<DomainException>(() => accreditation.Reject("secretariat", _monday, " "));
        Assert.Equal("Give the reason for the rejection.", error.Message);
        Assert.Equal(AccreditationStatus.Pending, accreditation.Status);

        accreditation.Reject("secretariat", _monday, "  The letter is not signed. ");

        Assert.Equal(AccreditationStatus.Rejected, accreditation.Status);
        Assert.Equal("The letter is not signed.", accreditation.History.Last().Reason);
        Assert.Null(accreditation.GrantedOn);
    }

    [Fact]
    public void Suspending_and_withdrawing_need_a_reason()
    {
        var accreditation = Application();
        accreditation.Grant("secretariat", _monday);

        Assert.Equal("Give the reason for the suspension.", Assert.Throws<DomainException>(() => accreditation.Suspend("secretariat", _monday, null)).Message);
        Assert.Equal("Give the reason for the withdrawal.", Assert.Throws<DomainException>(() => accreditation.Withdraw("secretariat", _monday, "")).Message);
        Assert.Equal("The reason is too long: at most {0} characters.",
            Assert.Throws<DomainException>(() => accreditation.Suspend("secretariat", _monday, new string('x', AccreditationRecord.ReasonMaxLength + 1))).Message);
        Assert.Equal(AccreditationStatus.Granted, accreditation.Status);
        Assert.Equal(2, accreditation.History.Count);
    }

    [Fact]
    public void A_suspended_accreditation_can_be_reinstated_or_withdrawn()
    {
        var accreditation = Application();
        accreditation.Grant("secretariat", _monday);
        accreditation.Suspend("secretariat", _monday.AddDays(1), "Under review.");
        accreditation.Grant("secretariat", _monday.AddDays(2));
        accreditation.Suspend("secretariat", _monday.AddDays(3), "Under review again.");
        accreditation.Withdraw("secretariat", _monday.AddDays(4), "Misuse of the badge.");

        Assert.Equal(AccreditationStatus.Withdrawn, accreditation.Status);
        Assert.Equal(
            [AccreditationStatus.Pending, AccreditationStatus.Granted, AccreditationStatus.Suspended, AccreditationStatus.Granted, AccreditationStatus.Suspended, AccreditationStatus.Withdrawn],
            accreditation.History.Select(h => h.ToStatus));
        Assert.Equal(new DateOnly(2026, 3, 2), accreditation.GrantedOn);
    }

    [Fact]
    public void Illegal_transitions_are_refused()
    {
        var pending = Application();
        Assert.Equal("Only a granted accreditation can be suspended.", Assert.Throws<DomainException>(() => pending.Suspend("s", _monday, "r")).Message);
        Assert.Equal("Only a granted or suspended accreditation can be withdrawn.", Assert.Throws<DomainException>(() => pending.Withdraw("s", _monday, "r")).Message);

        var granted = Application();
        granted.Grant("s", _monday);
        Assert.Equal("Only a pending or suspended accreditation can be granted.", Assert.Throws<DomainException>(() => granted.Grant("s", _monday)).Message);
        Assert.Equal("Only a pending application can be rejected.", Assert.Throws<DomainException>(() => granted.Reject("s", _monday, "r")).Message);

        var rejected = Application();
        rejected.Reject("s", _monday, "r");
        Assert.Throws<DomainException>(() => rejected.Grant("s", _monday));
        Assert.Throws<DomainException>(() => rejected.Suspend("s", _monday, "r"));

        var withdrawn = Application();
        withdrawn.Grant("s", _monday);
        withdrawn.Withdraw("s", _monday, "r");
        Assert.Throws<DomainException>(() => withdrawn.Grant("s", _monday));
        Assert.Throws<DomainException>(() => withdrawn.Withdraw("s", _monday, "r"));
        Assert.Equal(3, withdrawn.History.Count);
    }

    [Fact]
    public void The_secretariats_correction_is_recorded_in_the_history()
    {
        var accreditation = new AccreditationRecord(1, AccreditationBasis.EcosocRoster, AccreditationStatus.Pending, null, _monday, "secretariat");

        accreditation.Change(AccreditationBasis.EcosocSpecial, AccreditationStatus.Granted, null, _monday.AddDays(1), "secretariat");
        accreditation.Change(AccreditationBasis.EcosocSpecial, AccreditationStatus.Granted, null, _monday.AddDays(2), "secretariat");

        Assert.Equal(2, accreditation.History.Count);
        Assert.Equal(AccreditationStatus.Granted, accreditation.History.Last().ToStatus);
        Assert.Equal(AccreditationBasis.EcosocSpecial, accreditation.Basis);
    }

    [Theory]
    [InlineData(AccreditationBasis.EcosocGeneral)]
    [InlineData(AccreditationBasis.EcosocSpecial)]
    [InlineData(AccreditationBasis.EcosocRoster)]
    [InlineData(AccreditationBasis.HabitatII)]
    [InlineData(AccreditationBasis.HabitatIII)]
    public void Granted_ecosoc_status_or_habitat_accreditation_makes_an_organisation_eligible_for_every_body(AccreditationBasis basis)
    {
        var accreditation = new AccreditationRecord(1, basis, AccreditationStatus.Granted, null, _monday);

        Assert.True(AccreditationEligibility.IsEligible([accreditation], bodyId: 3));
        Assert.True(AccreditationEligibility.IsEligible([accreditation], bodyId: 4));
    }

    [Fact]
    public void Granted_ad_hoc_accreditation_counts_only_for_its_own_body()
    {
        var accreditation = Application(bodyId: 7);
        accreditation.Grant("s", _monday);

        Assert.True(AccreditationEligibility.IsEligible([accreditation], bodyId: 7));
        Assert.False(AccreditationEligibility.IsEligible([accreditation], bodyId: 8));
    }

    [Theory]
    [InlineData(AccreditationStatus.Pending)]
    [InlineData(AccreditationStatus.Suspended)]
    [InlineData(AccreditationStatus.Withdrawn)]
    [InlineData(AccreditationStatus.Rejected)]
    public void Accreditation_that_is_not_granted_gives_no_standing(AccreditationStatus status)
    {
        Assert.False(AccreditationEligibility.IsEligible([new AccreditationRecord(1, AccreditationBasis.EcosocGeneral, status, null, _monday)], 3));
        Assert.False(AccreditationEligibility.IsEligible([new AccreditationRecord(1, AccreditationBasis.AdHoc, status, 3, _monday)], 3));
    }

    [Fact]
    public void An_organisation_without_accreditation_is_not_eligible() =>
        Assert.False(AccreditationEligibility.IsEligible([], 3));
}
