namespace Sessions.Core.Audit;

/// <summary>
/// Personal data (a passport number, a person's needs) whose changes the audit records without their values: the trail
/// says that it changed and who changed it, never what it was or became.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfidentialAttribute : Attribute;
