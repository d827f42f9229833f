using Hangfire.Dashboard;
using Sessions.Core.Accounts;

namespace Sessions.Web.Infrastructure.Jobs;

/// <summary>The dashboard at /jobs is for the secretariat only.</summary>
public sealed class HangfireSecretariatFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Secretariat);
}
