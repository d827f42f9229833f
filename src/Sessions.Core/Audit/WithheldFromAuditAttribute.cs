namespace Sessions.Core.Audit;

/// <summary>
/// A property whose values never enter the audit: the trail says that it was set, changed or erased
/// ("***" for a value, null for none), never what it was. For identity data (a passport number, a nationality).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WithheldFromAuditAttribute : Attribute;
