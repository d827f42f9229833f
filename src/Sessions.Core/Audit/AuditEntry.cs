namespace Sessions.Core.Audit;

/// <summary>Who did what to which record, when. Written by <see cref="AuditInterceptor"/>.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";

    /// <summary>Added, Modified or Deleted.</summary>
    public string Action { get; set; } = "";

    /// <summary>JSON object: property → [old, new].</summary>
    public string Changes { get; set; } = "{}";
}
