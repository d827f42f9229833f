using Sessions.Core.Common;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;

namespace Sessions.Core.Statements;

public enum LateStatements
{
    Refuse = 1,

    /// <summary>Accepted after the deadline and flagged late for the secretariat.</summary>
    AcceptFlagged = 2,
}

/// <summary>Who may submit written statements to a session, by the delegation's capacity.</summary>
[Flags]
public enum StatementSubmitters
{
    None = 0,
    Members = 1,
    ObserverStates = 2,
    UnSystem = 4,
    IntergovernmentalOrganisations = 8,
    Stakeholders = 16,
    Everyone = Members | ObserverStates | UnSystem | IntergovernmentalOrganisations | Stakeholders,
}

/// <summary>What a submission passed: its word limit and whether it came after the deadline.</summary>
public sealed record StatementCheck(int WordLimit, bool IsLate);

/// <summary>
/// A session's rules for written statements, set by the secretariat: word limits by tier and for joint statements,
/// what happens after the deadline (the deadline itself is <see cref="Session.StatementDeadline"/>), the languages
/// accepted, who may submit, and the series of document symbols by the submitter's capacity. A session that never
/// set them has <see cref="ForSession"/>'s defaults.
/// </summary>
public class StatementRules
{
    public const int MaxWordLimit = 100_000;

    private StatementRules()
    {
    }

    public int SessionId { get; private set; }
    public int StateWordLimit { get; private set; } = 2000;
    public int UnSystemWordLimit { get; private set; } = 2000;
    public int IntergovernmentalWordLimit { get; private set; } = 2000;
    public int EcosocGeneralWordLimit { get; private set; } = 2000;
    public int EcosocSpecialWordLimit { get; private set; } = 1500;
    public int EcosocRosterWordLimit { get; private set; } = 1500;
    public int OtherAccreditationWordLimit { get; private set; } = 1500;
    public int JointWordLimit { get; private set; } = 2500;
    public LateStatements LateStatements { get; private set; } = LateStatements.Refuse;

    /// <summary>Two-letter codes separated by commas, in the UN order.</summary>
    public string AcceptedLanguages { get; private set; } = string.Join(",", Common.Languages.All);

    public StatementSubmitters Submitters { get; private set; } = StatementSubmitters.Everyone;
    public string StateSeries { get; private set; } = "{session}/INF/{n}";
    public string IntergovernmentalSeries { get; private set; } = "{session}/INF/{n}";
    public string StakeholderSeries { get; private set; } = "{session}/NGO/{n}";
    public Guid Version { get; set; } = Guid.NewGuid();

    public static StatementRules ForSession(int sessionId) => new() { SessionId = sessionId };

    public IReadOnlyList<string> AcceptedLanguageCodes => AcceptedLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public int WordLimitFor(StatementTier tier, bool isJoint) => isJoint ? JointWordLimit : tier switch
    {
        StatementTier.State => StateWordLimit,
        StatementTier.UnSystem => UnSystemWordLimit,
        StatementTier.IntergovernmentalOrganisation => IntergovernmentalWordLimit,
        StatementTier.EcosocGeneral => EcosocGeneralWordLimit,
        StatementTier.EcosocSpecial => EcosocSpecialWordLimit,
        StatementTier.EcosocRoster => EcosocRosterWordLimit,
        _ => OtherAccreditationWordLimit,
    };

    public bool AcceptsFrom(Capacity capacity) => (Submitters & SubmittersOf(capacity)) != 0;

    /// <summary>The series pattern a statement of a delegation of <paramref name="capacity"/> is numbered in.</summary>
    public string SeriesPatternFor(Capacity capacity) => capacity switch
    {
        Capacity.Member or Capacity.ObserverState => StateSeries,
        Capacity.UnSystem or Capacity.IntergovernmentalOrganisation => IntergovernmentalSeries,
        _ => StakeholderSeries,
    };

    /// <summary>The deadline the session set, or by default the start of the day two weeks before the opening, at the venue.</summary>
    public static DateTime DeadlineOf(Session session) => DeadlineOf(session.StatementDeadline, session.OpensOn, session.TimeZoneId);

    /// <summary>The same deadline from a session's columns, as a query projects them.</summary>
    public static DateTime DeadlineOf(DateTime? statementDeadline, DateOnly opensOn, string timeZoneId) =>
        statementDeadline ?? VenueClock.ToUtc(opensOn.AddDays(-14).ToDateTime(TimeOnly.MinValue), timeZoneId);

    /// <summary>
    /// Checks a submission against the rules, in the order a submitter can act on: who submits, the language, the
    /// deadline, the length. Refusals are <see cref="DomainException"/>s; what passes carries its limit and late flag.
    /// </summary>
    public StatementCheck Check(Session session, Capacity capacity, StatementTier tier, bool isJoint, string language, int words, DateTime now)
    {
        if (!AcceptsFrom(capacity))
        {
            throw new DomainException("This session does not accept written statements from delegations in your capacity.");
        }

        if (!AcceptedLanguageCodes.Contains(language))
        {
            throw new DomainException("This session does not accept written statements in this language.");
        }

        var deadline = DeadlineOf(session);
        var isLate = now > deadline;
        if (isLate && LateStatements == LateStatements.Refuse)
        {
            throw new DomainException("The deadline for written statements was {0} ({1}).", session.ToLocal(deadline).ToString("g"), session.TimeZoneId);
        }

        if (words <= 0)
        {
            throw new DomainException("The statement contains no text.");
        }

        var limit = WordLimitFor(tier, isJoint);
        if (words > limit)
        {
            throw new DomainException("The statement has {0} words; the limit is {1}.", words, limit);
        }

        return new StatementCheck(limit, isLate);
    }

    public void SetWordLimits(int state, int unSystem, int intergovernmental, int ecosocGeneral, int ecosocSpecial, int ecosocRoster, int otherAccreditation, int joint)
    {
        int[] limits = [state, unSystem, intergovernmental, ecosocGeneral, ecosocSpecial, ecosocRoster, otherAccreditation, joint];
        if (limits.Any(l => l is < 1 or > MaxWordLimit))
        {
            throw new DomainException("A word limit must be between 1 and {0}.", MaxWordLimit);
        }

        (StateWordLimit, UnSystemWordLimit, IntergovernmentalWordLimit, EcosocGeneralWordLimit, EcosocSpecialWordLimit, EcosocRosterWordLimit, OtherAccreditationWordLimit, JointWordLimit) =
            (state, unSystem, intergovernmental, ecosocGeneral, ecosocSpecial, ecosocRoster, otherAccreditation, joint);
    }

    public void SetLateStatements(LateStatements late)
    {
        if (!Enum.IsDefined(late))
        {
            throw new DomainException("Choose what happens to statements sent after the deadline.");
        }

        LateStatements = late;
    }

    public void SetLanguages(IEnumerable<string> languages)
    {
        var chosen = Languages.All.Where(languages.Contains).ToList();
        if (chosen.Count == 0)
        {
            throw new DomainException("Choose at least one language for written statements.");
        }

        AcceptedLanguages = string.Join(',', chosen);
    }

    public void SetSubmitters(StatementSubmitters submitters)
    {
        if ((submitters & StatementSubmitters.Everyone) == StatementSubmitters.None)
        {
            throw new DomainException("Choose at least one kind of delegation that may submit written statements.");
        }

        Submitters = submitters & StatementSubmitters.Everyone;
    }

    public void SetSeries(string state, string intergovernmental, string stakeholder) =>
        (StateSeries, IntergovernmentalSeries, StakeholderSeries) =
            (StatementSymbols.CheckPattern(state), StatementSymbols.CheckPattern(intergovernmental), StatementSymbols.CheckPattern(stakeholder));

    private static StatementSubmitters SubmittersOf(Capacity capacity) => capacity switch
    {
        Capacity.Member => StatementSubmitters.Members,
        Capacity.ObserverState => StatementSubmitters.ObserverStates,
        Capacity.UnSystem => StatementSubmitters.UnSystem,
        Capacity.IntergovernmentalOrganisation => StatementSubmitters.IntergovernmentalOrganisations,
        _ => StatementSubmitters.Stakeholders,
    };
}
