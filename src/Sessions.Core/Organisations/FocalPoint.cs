using Sessions.Core.Common;

namespace Sessions.Core.Organisations;

public enum FocalPointStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>
/// A user acting for an organisation. A claim on an existing organisation stays Pending until the
/// secretariat approves it; only an Approved focal point may act for the organisation.
/// </summary>
public class FocalPoint
{
    private FocalPoint()
    {
    }

    public FocalPoint(int organisationId, string userId, FocalPointStatus status, DateTime requestedAt)
    {
        OrganisationId = organisationId;
        UserId = userId;
        Status = status;
        RequestedAt = requestedAt;
    }

    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public Organisation? Organisation { get; private set; }
    public string UserId { get; private set; } = "";
    public FocalPointStatus Status { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedByUserId { get; private set; }
    public string? DecisionReason { get; private set; }

    public void Approve(string byUserId, DateTime at) => Decide(FocalPointStatus.Approved, byUserId, at, null);

    public void Reject(string byUserId, DateTime at, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Give the reason for the rejection.");
        }

        Decide(FocalPointStatus.Rejected, byUserId, at, reason.Trim());
    }

    private void Decide(FocalPointStatus status, string byUserId, DateTime at, string? reason)
    {
        if (Status != FocalPointStatus.Pending)
        {
            throw new DomainException("This request has already been decided.");
        }

        Status = status;
        DecidedAt = at;
        DecidedByUserId = byUserId;
        DecisionReason = reason;
    }
}
