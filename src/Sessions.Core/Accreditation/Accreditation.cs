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
}

/// <summary>
/// An organisation's standing on one basis (ECOSOC status, Habitat II or III, or ad hoc for one body).
/// The full register with its dated history builds on this record.
/// </summary>
public class Accreditation
{
    private Accreditation()
    {
    }

    public Accreditation(int organisationId, AccreditationBasis basis, AccreditationStatus status, int? bodyId, DateTime at)
    {
        OrganisationId = organisationId;
        Change(basis, status, bodyId, at);
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

    public void Change(AccreditationBasis basis, AccreditationStatus status, int? bodyId, DateTime at)
    {
        if (!Enum.IsDefined(basis) || !Enum.IsDefined(status))
        {
            throw new DomainException("Choose the basis and the status of the accreditation.");
        }

        if (basis == Basis && status == Status && bodyId == BodyId)
        {
            return;
        }

        Basis = basis;
        BodyId = basis == AccreditationBasis.AdHoc ? bodyId : null;
        if (status == AccreditationStatus.Granted && (Status != AccreditationStatus.Granted || GrantedOn is null))
        {
            GrantedOn = DateOnly.FromDateTime(at);
        }

        Status = status;
        UpdatedAt = at;
    }
}
