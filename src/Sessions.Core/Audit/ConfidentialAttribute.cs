namespace Sessions.Core.Audit;

/// <summary>
/// Personal data (identity and passport data, a person's needs) whose values never enter the audit: the trail says that
/// it was set, changed or erased, and by whom ("***" for a value, nothing for none), never what it was or became.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfidentialAttribute : Attribute;
