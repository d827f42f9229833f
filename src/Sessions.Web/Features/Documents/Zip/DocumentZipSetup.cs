using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Sessions.Web.Features.Documents.Zip;

/// <summary>
/// The rate limit on asking for a documents ZIP: anyone may ask, without signing in, so each client address has a
/// small budget of requests a minute (an up-to-date ZIP is reused anyway; the limit stops a loop of requests timed
/// against uploads, and the database work each request costs).
/// </summary>
public static class DocumentZipSetup
{
    public const string Policy = "documents-zip";

    public const string PermitsSetting = "Security:DocumentZipPermitsPerMinute";

    public static IServiceCollection AddDocumentZips(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var permits = configuration.GetValue(PermitsSetting, 10);
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
