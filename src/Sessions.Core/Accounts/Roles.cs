namespace Sessions.Core.Accounts;

public static class Roles
{
    public const string Secretariat = "Secretariat";
    public const string FocalPoint = "FocalPoint";
    public const string Delegate = "Delegate";

    public static readonly IReadOnlyList<string> All = [Secretariat, FocalPoint, Delegate];
}
