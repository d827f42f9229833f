namespace Sessions.Core.Audit;

/// <summary>
/// Who did what to which record, when. Written by <see cref="AuditInterceptor"/>; a set-based change the
/// interceptor cannot see (a conditional UPDATE, a bulk decision) writes its own with <see cref="Of"/>.
/// </summary>
public class AuditEntry
{
    /// <summary>An entry; <paramref name="changes"/> maps each property to its [old, new] values.</summary>
    public static AuditEntry Of(DateTime at, string? userId, string? userName, string entityType, string entityId, string action, IReadOnlyDictionary<string, object?[]> changes) => new()
    {
        At = at,
        UserId = userId,
        UserName = userName,
        EntityType = entityType,
        EntityId = entityId,
        Action = action,
        Changes = System.Text.Json.JsonSerializer.Serialize(changes),
    };

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
