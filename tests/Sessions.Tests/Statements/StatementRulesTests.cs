using Sessions.Core.Accreditation;
using Sessions.Core.Common;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;

namespace Sessions.Tests.Statements;

/// <summary>A session's rules for written statements: who, which language, by when, how long; tiers and symbols.</summary>
public sealed class StatementRulesTests
{
    // Opens 2026-05-25 in Nairobi (UTC+3): the default deadline is 2026-05-11 00:00 local, 2026-05-10 21:00 UTC.
    private static readonly Session _session = new(1, 2, "HSP/HA.2", TranslatedText.English("Second session"), TranslatedText.English("Nairobi"), "Africa/Nairobi", new DateOnly(2026, 5, 25), new DateOnly(2026, 5, 29));
    private static readonly DateTime _beforeDeadline = new(2026, 5, 10, 20, 59, 0, DateTimeKind.Utc);

    [Fact]
    public void Defaults_give_ecosoc_general_status_2000_words_special_and_roster_1500_and_joint_statements_2500()
    {
        var rules = StatementRules.ForSession(1);

        Assert.Equal(2000, rules.WordLimitFor(StatementTier.EcosocGeneral, isJoint: false));
        Assert.Equal(1500, rules.WordLimitFor(StatementTier.EcosocSpecial, isJoint: false));
        Assert.Equal(1500, rules.WordLimitFor(StatementTier.EcosocRoster, isJoint: false));
        Assert.Equal(2500, rules.WordLimitFor(StatementTier.EcosocRoster, isJoint: true));
        Assert.Equal(Languages.All, rules.AcceptedLanguageCodes);
        Assert.True(rules.AcceptsFrom(Capacity.Stakeholder) && rules.AcceptsFrom(Capacity.Member));
    }

    [Fact]
    public void The_default_deadline_is_the_start_of_the_day_two_weeks_before_the_opening_at_the_venue()
    {
        Assert.Equal(new DateTime(2026, 5, 10, 21, 0, 0, DateTimeKind.Utc), StatementRules.DeadlineOf(_session));
    }

    [Fact]
    public void A_statement_over_the_limit_is_refused_with_its_count_and_the_limit()
    {
        var rules = StatementRules.ForSession(1);

        Assert.Equal(1500, rules.Check(_session, Capacity.Stakeholder, StatementTier.EcosocSpecial, false, "en", 1500, _beforeDeadline).WordLimit);
        var error = Assert.Throws<DomainException>(() => rules.Check(_session, Capacity.Stakeholder, StatementTier.EcosocSpecial, false, "en", 1501, _beforeDeadline));
        Assert.Equal("The statement has {0} words; the limit is {1}.", error.Message);
        Assert.Equal([1501, 1500], error.Arguments);
    }

    [Fact]
    public void After_the_deadline_a_statement_is_refused_or_flagged_late_as_the_session_says()
    {
        var rules = StatementRules.ForSession(1);
        var late = _beforeDeadline.AddMinutes(2);

        Assert.False(rules.Check(_session, Capacity.Stakeholder, StatementTier.EcosocGeneral, false, "fr", 10, _beforeDeadline).IsLate);
        Assert.Equal("The deadline for written statements was {0} ({1}).",
            Assert.Throws<DomainException>(() => rules.Check(_session, Capacity.Stakeholder, StatementTier.EcosocGeneral, false, "fr", 10, late)).Message);

        rules.SetLateStatements(LateStatements.AcceptFlagged);
        Assert.True(rules.Check(_session, Capacity.Stakeholder, StatementTier.EcosocGeneral, false, "fr", 10, late).IsLate);
    }

    [Fact]
    public void A_language_or_a_capacity_the_session_does_not_accept_is_refused()
    {
        var rules = StatementRules.ForSession(1);
        rules.SetLanguages(["en", "fr"]);
        rules.SetSubmitters(StatementSubmitters.Stakeholders);

        Assert.Equal("This session does not accept written statements in this language.",
            Assert.Throws<DomainException>(() => rules.Check(_session, Capacity.Stakeholder, StatementTier.EcosocGeneral, false, "ru", 10, _beforeDeadline)).Message);
        Assert.Equal("This session does not accept written statements from delegations in your capacity.",
            Assert.Throws<DomainException>(() => rules.Check(_session, Capacity.Member, StatementTier.State, false, "en", 10, _beforeDeadline)).Message);
        Assert.Throws<DomainException>(() => rules.SetLanguages(["xx"]));
        Assert.Throws<DomainException>(() => rules.SetSubmitters(StatementSubmitters.None));
    }

    [Fact]
    public void A_tier_comes_from_the_capacity_or_the_best_accreditation_that_counts_for_the_body()
    {
        (AccreditationBasis, AccreditationStatus, int?)[] special = [(AccreditationBasis.EcosocSpecial, AccreditationStatus.Granted, null), (AccreditationBasis.EcosocGeneral, AccreditationStatus.Suspended, null)];
        (AccreditationBasis, AccreditationStatus, int?)[] adHocElsewhere = [(AccreditationBasis.AdHoc, AccreditationStatus.Granted, 9)];

        Assert.Equal(StatementTier.State, StatementTiers.Of(Capacity.ObserverState, [], 1));
        Assert.Equal(StatementTier.IntergovernmentalOrganisation, StatementTiers.Of(Capacity.IntergovernmentalOrganisation, [], 1));
        Assert.Equal(StatementTier.EcosocSpecial, StatementTiers.Of(Capacity.Stakeholder, special, 1));
        Assert.Equal(StatementTier.None, StatementTiers.Of(Capacity.Stakeholder, adHocElsewhere, 1));
        Assert.Equal(StatementTier.OtherAccreditation, StatementTiers.Of(Capacity.Stakeholder, adHocElsewhere, 9));
    }

    [Fact]
    public void A_series_needs_one_number_and_gives_symbols_with_the_session_symbol()
    {
        var series = StatementSymbols.Series(StatementSymbols.CheckPattern(" {session}/NGO/{n} "), "HSP/HA.2");

        Assert.Equal("HSP/HA.2/NGO/3", StatementSymbols.Symbol(series, 3));
        Assert.Throws<DomainException>(() => StatementSymbols.CheckPattern("{session}/NGO"));
        Assert.Throws<DomainException>(() => StatementSymbols.CheckPattern("{n}/{n}"));
        Assert.Throws<DomainException>(() => StatementSymbols.CheckPattern("{session}/<script>/{n}"));
    }
}
