using Sessions.Core.Common;

namespace Sessions.Core.Accreditation;

public enum AccreditationBasis
{
    EcosocGeneral = 1,
    EcosocSpecial = 2,
    EcosocRoster = 3,
    HabitatII = 4,
    HabitatIII = 5,
    AdHoc = 6,
}

public enum AccreditationStatus
{
    Pending = 1,
    Granted = 2,
    Suspended = 3,
    Withdrawn = 4,

    /// <summary>An application the secretariat turned down; the organisation may apply again.</summary>
    Rejected = 5,
}

/// <summary>
/// An organisation's standing on one basis (ECOSOC status, Habitat II or III, or ad hoc for one body),
/// with the dated history of every change and who made it. An ad hoc accreditation applied for from the
/// focal point's account carries its <see cref="Application"/>.
/// </summary>
public class Accreditation
{
    public const int ReasonMaxLength = 2000;

    private readonly List<AccreditationChange> _history = [];

    private Accreditation()
    {
    }

    public Accreditation(int organisationId, AccreditationBasis basis, AccreditationStatus status, int? bodyId, DateTime at, string? byUserId = null)
    {
        if (!Enum.IsDefined(basis) || !Enum.IsDefined(status))
        {
            throw new DomainException("Choose the basis and the status of the accreditation.");
        }

        OrganisationId = organisationId;
        Basis = basis;
        BodyId = basis == AccreditationBasis.AdHoc ? bodyId : null;
        Status = status;
        GrantedOn = status == AccreditationStatus.Granted ? DateOnly.FromDateTime(at) : null;
        UpdatedAt = at;
        _history.Add(new AccreditationChange(null, status, null, at, byUserId));
    }

    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public AccreditationBasis Basis { get; private set; }
    public AccreditationStatus Status { get; private set; }

    /// <summary>The body an ad hoc accreditation is for; empty for every other basis.</summary>
    public int? BodyId { get; private set; }

    public DateOnly? GrantedOn { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The mission and documents of an ad hoc application; empty for a record the secretariat entered.</summary>
    public AccreditationApplication? Application { get; private set; }

    public IReadOnlyCollection<AccreditationChange> History => _history.AsReadOnly();

    /// <summary>A focal point applies for ad hoc accreditation to a body: a pending record with its application.</summary>
    public static Accreditation ApplyAdHoc(int organisationId, int bodyId, string mission, Guid letterFileId, Guid governingBodyListFileId, string byUserId, DateTime at)
    {
        var application = new AccreditationApplication(mission, letterFileId, governingBodyListFileId, byUserId, at);
        return new Accreditation(organisationId, AccreditationBasis.AdHoc, AccreditationStatus.Pending, bodyId, at, byUserId)
        {
            Application = application,
        };
    }

    /// <summary>The secretariat's free correction of the record (the organisation's edit page); recorded in the history like any decision.</summary>
    public void Change(AccreditationBasis basis, AccreditationStatus status, int? bodyId, DateTime at, string? byUserId)
    {
        if (!Enum.IsDefined(basis) || !Enum.IsDefined(status))
        {
            throw new DomainException("Choose the basis and the status of the accreditation.");
        }

        var newBodyId = basis == AccreditationBasis.AdHoc ? bodyId : null;
        if (basis == Basis && status == Status && newBodyId == BodyId)
        {
            return;
        }

        Basis = basis;
        BodyId = newBodyId;
        MoveTo(status, at, byUserId, null);
    }

    /// <summary>Grants a pending application, or reinstates a suspended accreditation.</summary>
    public void Grant(string byUserId, DateTime at)
    {
        if (Status is not (AccreditationStatus.Pending or AccreditationStatus.Suspended))
        {
            throw new DomainException("Only a pending or suspended accreditation can be granted.");
        }

        MoveTo(AccreditationStatus.Granted, at, byUserId, null);
    }

    public void Reject(string byUserId, DateTime at, string? reason)
    {
        if (Status != AccreditationStatus.Pending)
        {
            throw new DomainException("Only a pending application can be rejected.");
        }

        MoveTo(AccreditationStatus.Rejected, at, byUserId, RequireReason(reason, "Give the reason for the rejection."));
    }

    public void Suspend(string byUserId, DateTime at, string? reason)
    {
        if (Status != AccreditationStatus.Granted)
        {
            throw new DomainException("Only a granted accreditation can be suspended.");
        }

        MoveTo(AccreditationStatus.Suspended, at, byUserId, RequireReason(reason, "Give the reason for the suspension."));
    }

    public void Withdraw(string byUserId, DateTime at, string? reason)
    {
        if (Status is not (AccreditationStatus.Granted or AccreditationStatus.Suspended))
        {
            throw new DomainException("Only a granted or suspended accreditation can be withdrawn.");
        }

        MoveTo(AccreditationStatus.Withdrawn, at, byUserId, RequireReason(reason, "Give the reason for the withdrawal."));
    }

    private static string RequireReason(string? reason, string missingMessage)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException(missingMessage);
        }

        var trimmed = reason.Trim();
        if (trimmed.Length > ReasonMaxLength)
        {
            throw new DomainException("The reason is too long: at most {0} characters.", ReasonMaxLength);
        }

        return trimmed;
    }

    private void MoveTo(AccreditationStatus status, DateTime at, string? byUserId, string? reason)
    {
        _history.Add(new AccreditationChange(Status, status, reason, at, byUserId));
        // Reinstating a suspended accreditation keeps the date it was first granted.
        if (status == AccreditationStatus.Granted && (GrantedOn is null || Status is not (AccreditationStatus.Granted or AccreditationStatus.Suspended)))
        {
            GrantedOn = DateOnly.FromDateTime(at);
        }

        Status = status;
        UpdatedAt = at;
    }
}

/// <summary>One dated line of an accreditation's history: from which status to which, why, and who did it.</summary>
public class AccreditationChange
{
    private AccreditationChange()
    {
    }

    internal AccreditationChange(AccreditationStatus? fromStatus, AccreditationStatus toStatus, string? reason, DateTime at, string? byUserId)
    {
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Reason = reason;
        At = at;
        ByUserId = byUserId;
    }

    public int Id { get; private set; }
    public int AccreditationId { get; private set; }

    /// <summary>Empty on the line that records the accreditation's creation.</summary>
    public AccreditationStatus? FromStatus { get; private set; }

    public AccreditationStatus ToStatus { get; private set; }
    public string? Reason { get; private set; }
    public DateTime At { get; private set; }

    /// <summary>Empty when a background task or an import made the change.</summary>
    public string? ByUserId { get; private set; }
}

/// <summary>An ad hoc application: the organisation's mission and its two documents (stored PDFs).</summary>
public class AccreditationApplication
{
    public const int MissionMaxLength = 4000;

    private AccreditationApplication()
    {
    }

    internal AccreditationApplication(string mission, Guid letterFileId, Guid governingBodyListFileId, string submittedByUserId, DateTime submittedAt)
    {
        CheckMission(mission);
        Mission = mission.Trim();
        LetterFileId = letterFileId;
        GoverningBodyListFileId = governingBodyListFileId;
        SubmittedByUserId = submittedByUserId;
        SubmittedAt = submittedAt;
    }

    public int Id { get; private set; }
    public int AccreditationId { get; private set; }
    public string Mission { get; private set; } = "";

    /// <summary>Refuses an empty or too long mission; the form checks it before storing any document.</summary>
    public static void CheckMission(string? mission)
    {
        if (string.IsNullOrWhiteSpace(mission))
        {
            throw new DomainException("Describe the organisation's mission.");
        }

        if (mission.Trim().Length > MissionMaxLength)
        {
            throw new DomainException("The mission is too long: at most {0} characters.", MissionMaxLength);
        }
    }

    /// <summary>The signed letter asking for accreditation.</summary>
    public Guid LetterFileId { get; private set; }

    /// <summary>The list of the members of the organisation's governing body.</summary>
    public Guid GoverningBodyListFileId { get; private set; }

    public string SubmittedByUserId { get; private set; } = "";
    public DateTime SubmittedAt { get; private set; }
}
