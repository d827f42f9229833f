using Sessions.Core.Common;

namespace Sessions.Core.Bodies;

public enum BodyKind
{
    Assembly = 1,
    ExecutiveBoard = 2,
    CommitteeOfPermanentRepresentatives = 3,
    Other = 4,
}

/// <summary>A governing body: its sessions carry symbols under <see cref="SymbolPrefix"/> (e.g. HSP/HA).</summary>
public class Body
{
    private readonly List<BodyMembership> _memberships = [];

    private Body()
    {
    }

    public Body(TranslatedText name, BodyKind kind, string symbolPrefix, int observerQuotaPerOrganisation)
    {
        Name = name.Copy();
        Kind = kind;
        SetSymbolPrefix(symbolPrefix);
        SetObserverQuota(observerQuotaPerOrganisation);
    }

    public int Id { get; private set; }
    /// <summary>The body's name in the six UN languages; a form rewrites it in place (EF Core tracks it as the body's own).</summary>
    public TranslatedText Name { get; private set; } = null!;
    public BodyKind Kind { get; set; }
    public string SymbolPrefix { get; private set; } = "";

    /// <summary>How many observers one organisation may nominate to a session (Assembly 5, Executive Board 1).</summary>
    public int ObserverQuotaPerOrganisation { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyCollection<BodyMembership> Memberships => _memberships.AsReadOnly();

    public static int DefaultObserverQuota(BodyKind kind) => kind switch
    {
        BodyKind.Assembly => 5,
        BodyKind.ExecutiveBoard => 1,
        _ => 1,
    };

    public void SetSymbolPrefix(string prefix)
    {
        if (string.IsNullOrWhiteSpace(prefix))
        {
            throw new DomainException("The symbol prefix is required.");
        }

        SymbolPrefix = prefix.Trim();
    }

    public void SetObserverQuota(int quota)
    {
        if (quota < 0)
        {
            throw new DomainException("The observer quota cannot be negative.");
        }

        ObserverQuotaPerOrganisation = quota;
    }

    public BodyMembership AddMember(int organisationId, DateOnly termStart, DateOnly? termEnd, bool isDemo = false)
    {
        if (termEnd is not null && termEnd < termStart)
        {
            throw new DomainException("A membership term cannot end before it starts.");
        }

        if (_memberships.Any(m => m.OrganisationId == organisationId && m.Overlaps(termStart, termEnd)))
        {
            throw new DomainException("This State is already a member for part of that term.");
        }

        var membership = new BodyMembership(organisationId, termStart, termEnd, isDemo);
        _memberships.Add(membership);
        return membership;
    }

    public void RemoveMember(int membershipId)
    {
        var membership = _memberships.FirstOrDefault(m => m.Id == membershipId)
            ?? throw new DomainException("This membership no longer exists.");
        _memberships.Remove(membership);
    }

    public bool IsMemberOn(int organisationId, DateOnly date) =>
        _memberships.Any(m => m.OrganisationId == organisationId && m.CoversDate(date));
}

/// <summary>A member State's seat on a body for a term; open-ended when <see cref="TermEnd"/> is null.</summary>
public class BodyMembership
{
    private BodyMembership()
    {
    }

    public BodyMembership(int organisationId, DateOnly termStart, DateOnly? termEnd, bool isDemo)
    {
        OrganisationId = organisationId;
        TermStart = termStart;
        TermEnd = termEnd;
        IsDemo = isDemo;
    }

    public int Id { get; private set; }
    public int BodyId { get; private set; }
    public int OrganisationId { get; private set; }
    public Organisations.Organisation? Organisation { get; private set; }
    public DateOnly TermStart { get; private set; }
    public DateOnly? TermEnd { get; private set; }

    /// <summary>Demo data that is not the real membership list is labelled as such on screen.</summary>
    public bool IsDemo { get; private set; }

    public bool CoversDate(DateOnly date) => TermStart <= date && (TermEnd is null || date <= TermEnd);

    public bool Overlaps(DateOnly start, DateOnly? end) =>
        (end is null || TermStart <= end) && (TermEnd is null || start <= TermEnd);
}
