namespace Sessions.Web.Infrastructure.Security;

public static class Policies
{
    /// <summary>Secretariat-only areas: <c>[Authorize(Policy = Policies.Secretariat)]</c>.</summary>
    public const string Secretariat = "Secretariat";
}
