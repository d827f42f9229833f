using Sessions.Core.Common;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;

namespace Sessions.Tests.Statements;

/// <summary>A statement's way from submission to issuance, and the co-sponsors' part in it.</summary>
public sealed class WrittenStatementTests
{
    private static readonly Session _session = new(1, 2, "HSP/HA.2", TranslatedText.English("Second session"), TranslatedText.English("Nairobi"), "Africa/Nairobi", new DateOnly(2026, 5, 25), new DateOnly(2026, 5, 29));
    private static readonly DateTime _now = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_statement_without_co_sponsors_goes_straight_to_review_and_is_issued_with_its_symbol()
    {
        var statement = Submit();

        Assert.Equal(StatementStatus.Submitted, statement.Status);
        Assert.False(statement.IsJoint);

        statement.Issue("HSP/HA.2/NGO/{n}", 4, new DateOnly(2026, 5, 2), "secretariat", _now);

        Assert.Equal(StatementStatus.Issued, statement.Status);
        Assert.Equal("HSP/HA.2/NGO/4", statement.Symbol);
        Assert.Equal("This statement has already been decided on.",
            Assert.Throws<DomainException>(() => statement.Issue("HSP/HA.2/NGO/{n}", 5, new DateOnly(2026, 5, 2), "secretariat", _now)).Message);
    }

    [Fact]
    public void A_joint_statement_waits_for_every_co_sponsor_before_review()
    {
        var statement = Submit([(20, StatementTier.EcosocRoster), (21, StatementTier.EcosocGeneral)]);

        Assert.Equal(StatementStatus.AwaitingCoSponsors, statement.Status);
        Assert.Equal("This statement still waits for its co-sponsors.",
            Assert.Throws<DomainException>(() => statement.Issue("S/{n}", 1, new DateOnly(2026, 5, 2), "secretariat", _now)).Message);

        statement.Answer(20, confirm: true, "fp-20", _now);
        Assert.Equal(StatementStatus.AwaitingCoSponsors, statement.Status);
        Assert.Throws<DomainException>(() => statement.Answer(20, confirm: false, "fp-20", _now));
        Assert.Throws<DomainException>(() => statement.Answer(99, confirm: true, "fp-99", _now));

        statement.Answer(21, confirm: false, "fp-21", _now);
        Assert.Equal(StatementStatus.Submitted, statement.Status);
        Assert.Equal([20], statement.ListedCoSponsors(id => $"Org {id}").Select(c => c.OrganisationId));
    }

    [Fact]
    public void The_secretariat_can_send_a_joint_statement_to_review_without_waiting()
    {
        var statement = Submit([(20, StatementTier.EcosocRoster)]);

        statement.ProceedWithoutWaiting("secretariat", _now);

        Assert.Equal(StatementStatus.Submitted, statement.Status);
        Assert.Equal("secretariat", statement.CoSponsorsOverriddenByUserId);
    }

    [Fact]
    public void Co_sponsors_are_listed_by_tier_then_by_name_and_an_organisation_without_standing_cannot_be_one()
    {
        var statement = Submit([(30, StatementTier.EcosocRoster), (31, StatementTier.EcosocGeneral), (32, StatementTier.EcosocGeneral), (33, StatementTier.State)]);
        var names = new Dictionary<int, string> { [30] = "Alpha", [31] = "Zeta", [32] = "Beta", [33] = "Yemen" };

        Assert.Equal([33, 32, 31, 30], statement.ListedCoSponsors(id => names[id]).Select(c => c.OrganisationId));
        Assert.Equal("Only accredited organisations, States, the UN system and IGOs can co-sponsor a statement; name the others as supporters.",
            Assert.Throws<DomainException>(() => Submit([(40, StatementTier.None)])).Message);
    }

    [Fact]
    public void Withdrawn_rejected_and_duplicate_statements_take_no_number_and_cannot_be_issued()
    {
        var withdrawn = Submit();
        withdrawn.Withdraw("submitter", _now);
        var rejected = Submit();
        Assert.Throws<DomainException>(() => rejected.Reject(" ", "secretariat", _now));
        rejected.Reject("Not on the agenda item.", "secretariat", _now);

        foreach (var statement in new[] { withdrawn, rejected })
        {
            Assert.Null(statement.Number);
            Assert.Throws<DomainException>(() => statement.Issue("S/{n}", 1, new DateOnly(2026, 5, 2), "secretariat", _now));
        }

        Assert.Equal(StatementStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("Not on the agenda item.", rejected.Reason);
    }

    [Fact]
    public void Only_an_approved_delegation_submits_and_a_title_is_required()
    {
        Assert.Equal("Only an approved delegation can submit written statements.",
            Assert.Throws<DomainException>(() => Submit(delegation: new Delegation(1, 10, Capacity.Stakeholder, "u", _now))).Message);
        Assert.Throws<DomainException>(() => Submit(title: "  "));
    }

    private static WrittenStatement Submit((int, StatementTier)[]? coSponsors = null, Delegation? delegation = null, string title = "On housing") =>
        WrittenStatement.Submit(
            new StatementSubmission(1, 5, delegation ?? ApprovedDelegation(), StatementTier.EcosocGeneral, title, "en", StatementFormat.Text, null,
                "Adequate housing for all.", 4, coSponsors ?? [], ["Friends of the Earth Kenya"], "submitter"),
            StatementRules.ForSession(1), _session, _now);

    private static Delegation ApprovedDelegation()
    {
        var delegation = new Delegation(1, 10, Capacity.Stakeholder, "u", _now);
        delegation.AttachLetter(Guid.NewGuid());
        delegation.Nominate(new ParticipantDetails("Ms.", "Amina", "Odhiambo", ParticipantFunction.HeadOfDelegation, "amina@example.org", "en", true), ParticipantStatus.Confirmed, _now);
        delegation.Submit(_now);
        delegation.Approve("secretariat", _now);
        return delegation;
    }
}
