using Sessions.Core.Common;
using Sessions.Core.Registration;

namespace Sessions.Core.Statements;

public enum StatementStatus
{
    /// <summary>A joint statement waiting for its co-sponsors to confirm.</summary>
    AwaitingCoSponsors = 1,

    /// <summary>With the secretariat for review.</summary>
    Submitted = 2,

    Rejected = 3,
    Withdrawn = 4,
    Duplicate = 5,

    /// <summary>Accepted and issued under a document symbol: accepting is issuing.</summary>
    Issued = 6,
}

public enum StatementFormat
{
    Docx = 1,
    Pdf = 2,

    /// <summary>Pasted into the form.</summary>
    Text = 3,
}

public enum CoSponsorAnswer
{
    Pending = 1,
    Confirmed = 2,
    Declined = 3,
}

/// <summary>What a submitter sends, already read and counted.</summary>
public sealed record StatementSubmission(
    int SessionId,
    int AgendaItemId,
    Delegation Delegation,
    StatementTier Tier,
    string Title,
    string Language,
    StatementFormat Format,
    Guid? FileId,
    string Text,
    int WordCount,
    IReadOnlyList<(int OrganisationId, StatementTier Tier)> CoSponsors,
    IReadOnlyList<string> Supporters,
    string SubmittedByUserId);

/// <summary>
/// A written statement on an agenda item, from submission to issuance as a document. A joint statement waits for
/// every co-sponsor's answer (or the secretariat's decision to proceed) before it goes to review. Accepting issues it
/// under the next number of its series; a withdrawn, rejected or duplicate statement never takes a number.
/// </summary>
public class WrittenStatement
{
    public const int TitleMaxLength = 300;
    public const int ReasonMaxLength = 2000;
    public const int SupporterMaxLength = 200;
    public const int MaxCoSponsors = 100;
    public const int MaxSupporters = 200;

    private readonly List<StatementCoSponsor> _coSponsors = [];
    private readonly List<StatementSupporter> _supporters = [];

    private WrittenStatement()
    {
    }

    private WrittenStatement(StatementSubmission submission, StatementCheck check, DateTime at)
    {
        var title = (submission.Title ?? "").Trim();
        if (title.Length == 0 || title.Length > TitleMaxLength)
        {
            throw new DomainException("Give the statement a title of at most {0} characters.", TitleMaxLength);
        }

        if (submission.Delegation.Status != RegistrationStatus.Approved)
        {
            throw new DomainException("Only an approved delegation can submit written statements.");
        }

        SessionId = submission.SessionId;
        AgendaItemId = submission.AgendaItemId;
        DelegationId = submission.Delegation.Id;
        OrganisationId = submission.Delegation.OrganisationId;
        Capacity = submission.Delegation.Capacity;
        Tier = submission.Tier;
        Title = title;
        Language = submission.Language;
        Format = submission.Format;
        FileId = submission.FileId;
        Text = submission.Text;
        WordCount = submission.WordCount;
        WordLimit = check.WordLimit;
        IsLate = check.IsLate;
        SubmittedAt = at;
        SubmittedByUserId = submission.SubmittedByUserId;
        ChangedAt = at;
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }
    public int AgendaItemId { get; private set; }
    public int DelegationId { get; private set; }
    public int OrganisationId { get; private set; }
    public Capacity Capacity { get; private set; }
    public StatementTier Tier { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The two-letter code of the language it is written in.</summary>
    public string Language { get; private set; } = "";

    public StatementFormat Format { get; private set; }
    public Guid? FileId { get; private set; }

    /// <summary>The text read from the document (or pasted), for reading in the browser and the issued document.</summary>
    public string Text { get; private set; } = "";

    public int WordCount { get; private set; }
    public int WordLimit { get; private set; }
    public bool IsJoint { get; private set; }
    public bool IsLate { get; private set; }
    public StatementStatus Status { get; private set; }
    public DateTime SubmittedAt { get; private set; }
    public string SubmittedByUserId { get; private set; } = "";

    /// <summary>Set when the secretariat sent a joint statement to review without waiting for every co-sponsor.</summary>
    public string? CoSponsorsOverriddenByUserId { get; private set; }

    public string? Reason { get; private set; }
    public int? DuplicateOfId { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }

    /// <summary>The series it is numbered in, e.g. "HSP/HA.2/NGO/{n}"; with <see cref="Number"/> unique per session.</summary>
    public string? Series { get; private set; }

    public int? Number { get; private set; }
    public string? Symbol { get; private set; }

    /// <summary>The date of issue, at the venue.</summary>
    public DateOnly? IssuedOn { get; private set; }

    public DateTime ChangedAt { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyCollection<StatementCoSponsor> CoSponsors => _coSponsors.AsReadOnly();
    public IReadOnlyCollection<StatementSupporter> Supporters => _supporters.AsReadOnly();

    /// <summary>
    /// A new statement that passed the session's <paramref name="rules"/> (refused otherwise with the reason). With
    /// co-sponsors it is joint and waits for their answers; without, it goes straight to review.
    /// </summary>
    public static WrittenStatement Submit(StatementSubmission submission, StatementRules rules, Sessions.Session session, DateTime at)
    {
        var coSponsors = submission.CoSponsors.DistinctBy(c => c.OrganisationId).Where(c => c.OrganisationId != submission.Delegation.OrganisationId).ToList();
        if (coSponsors.Any(c => c.Tier == StatementTier.None))
        {
            throw new DomainException("Only accredited organisations, States, the UN system and IGOs can co-sponsor a statement; name the others as supporters.");
        }

        if (coSponsors.Count > MaxCoSponsors)
        {
            throw new DomainException("A statement can have at most {0} co-sponsors.", MaxCoSponsors);
        }

        var supporters = submission.Supporters.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (supporters.Count > MaxSupporters || supporters.Any(s => s.Length > SupporterMaxLength))
        {
            throw new DomainException("Name at most {0} supporters, each in at most {1} characters.", MaxSupporters, SupporterMaxLength);
        }

        var isJoint = coSponsors.Count > 0;
        var check = rules.Check(session, submission.Delegation.Capacity, submission.Tier, isJoint, submission.Language, submission.WordCount, at);
        var statement = new WrittenStatement(submission, check, at)
        {
            IsJoint = isJoint,
            Status = isJoint ? StatementStatus.AwaitingCoSponsors : StatementStatus.Submitted,
        };
        statement._coSponsors.AddRange(coSponsors.Select(c => new StatementCoSponsor(c.OrganisationId, c.Tier, at)));
        statement._supporters.AddRange(supporters.Select((name, i) => new StatementSupporter(name, i + 1)));
        return statement;
    }

    /// <summary>A co-sponsor's focal point answers; when every co-sponsor has answered, the statement goes to review.</summary>
    public void Answer(int organisationId, bool confirm, string userId, DateTime at)
    {
        if (Status != StatementStatus.AwaitingCoSponsors)
        {
            throw new DomainException("This statement no longer waits for its co-sponsors.");
        }

        var coSponsor = _coSponsors.FirstOrDefault(c => c.OrganisationId == organisationId)
            ?? throw new DomainException("Your organisation is not a co-sponsor of this statement.");
        coSponsor.Record(confirm ? CoSponsorAnswer.Confirmed : CoSponsorAnswer.Declined, userId, at);
        ChangedAt = at;
        if (_coSponsors.All(c => c.Answer != CoSponsorAnswer.Pending))
        {
            Status = StatementStatus.Submitted;
        }
    }

    /// <summary>The secretariat sends a joint statement to review without waiting for the co-sponsors still silent.</summary>
    public void ProceedWithoutWaiting(string userId, DateTime at)
    {
        if (Status != StatementStatus.AwaitingCoSponsors)
        {
            throw new DomainException("This statement no longer waits for its co-sponsors.");
        }

        CoSponsorsOverriddenByUserId = userId;
        Status = StatementStatus.Submitted;
        ChangedAt = at;
    }

    /// <summary>The submitter withdraws a statement not yet decided.</summary>
    public void Withdraw(string userId, DateTime at)
    {
        EnsureUndecided();
        Decide(StatementStatus.Withdrawn, userId, at);
    }

    public void Reject(string reason, string userId, DateTime at)
    {
        EnsureInReview();
        var trimmed = (reason ?? "").Trim();
        if (trimmed.Length == 0 || trimmed.Length > ReasonMaxLength)
        {
            throw new DomainException("Give the reason for rejecting the statement (at most {0} characters).", ReasonMaxLength);
        }

        Reason = trimmed;
        Decide(StatementStatus.Rejected, userId, at);
    }

    public void MarkDuplicateOf(WrittenStatement original, string userId, DateTime at)
    {
        EnsureInReview();
        if (original.Id == Id || original.SessionId != SessionId)
        {
            throw new DomainException("Choose another statement of the same session as the original.");
        }

        DuplicateOfId = original.Id;
        Decide(StatementStatus.Duplicate, userId, at);
    }

    /// <summary>Accepts and issues the statement as number <paramref name="number"/> of <paramref name="series"/>.</summary>
    public void Issue(string series, int number, DateOnly issuedOn, string userId, DateTime at)
    {
        EnsureInReview();
        if (number < 1)
        {
            throw new DomainException("A document number starts at 1.");
        }

        Series = series;
        Number = number;
        Symbol = StatementSymbols.Symbol(series, number);
        IssuedOn = issuedOn;
        Decide(StatementStatus.Issued, userId, at);
    }

    /// <summary>The co-sponsors shown on the document: those who did not decline, by tier then name.</summary>
    public IEnumerable<StatementCoSponsor> ListedCoSponsors(Func<int, string> nameOf) =>
        StatementTiers.InListingOrder(_coSponsors.Where(c => c.Answer != CoSponsorAnswer.Declined), c => c.Tier, c => nameOf(c.OrganisationId));

    private void EnsureUndecided()
    {
        if (Status is not (StatementStatus.AwaitingCoSponsors or StatementStatus.Submitted))
        {
            throw new DomainException("This statement has already been decided on.");
        }
    }

    private void EnsureInReview()
    {
        if (Status == StatementStatus.AwaitingCoSponsors)
        {
            throw new DomainException("This statement still waits for its co-sponsors.");
        }

        EnsureUndecided();
    }

    private void Decide(StatementStatus status, string userId, DateTime at)
    {
        Status = status;
        DecidedAt = at;
        DecidedByUserId = userId;
        ChangedAt = at;
    }
}

/// <summary>An organisation co-sponsoring a joint statement, and its answer.</summary>
public class StatementCoSponsor
{
    private StatementCoSponsor()
    {
    }

    internal StatementCoSponsor(int organisationId, StatementTier tier, DateTime at)
    {
        OrganisationId = organisationId;
        Tier = tier;
        Answer = CoSponsorAnswer.Pending;
        RequestedAt = at;
    }

    public int Id { get; private set; }
    public int WrittenStatementId { get; private set; }
    public int OrganisationId { get; private set; }
    public StatementTier Tier { get; private set; }
    public CoSponsorAnswer Answer { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public string? AnsweredByUserId { get; private set; }

    internal void Record(CoSponsorAnswer answer, string userId, DateTime at)
    {
        if (Answer != CoSponsorAnswer.Pending)
        {
            throw new DomainException("Your organisation has already answered.");
        }

        Answer = answer;
        AnsweredAt = at;
        AnsweredByUserId = userId;
    }
}

/// <summary>An organisation without standing that shares the views of a joint statement: named in its footnote.</summary>
public class StatementSupporter
{
    private StatementSupporter()
    {
    }

    internal StatementSupporter(string name, int position)
    {
        Name = name;
        Position = position;
    }

    public int Id { get; private set; }
    public int WrittenStatementId { get; private set; }
    public string Name { get; private set; } = "";
    public int Position { get; private set; }
}
