using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Web.Features.Accounts;

namespace Sessions.Web.Infrastructure.Security;

/// <summary>Wiring of account protection: sign-in rate limits, security-stamp checks for deactivated accounts.</summary>
public static class AccountSecuritySetup
{
    /// <summary>
    /// The rate-limiting policy of the sign-in form and of the anonymous forms that send email (register,
    /// forgot password, resend confirmation, reset password): one budget per client address.
    /// </summary>
    public const string SignInPolicy = "sign-in";

    public const string SignInPermitsSetting = "Security:SignInPermitsPerMinute";

    public static IServiceCollection AddAccountSecurity(this IServiceCollection services)
    {
        services.AddScoped<AccountNotices>();
        services.AddScoped<PublicLinks>();

        // The user name is the email address: any character a valid address may hold (o'brien@, ü@) is allowed.
        services.Configure<IdentityOptions>(options => options.User.AllowedUserNameCharacters = "");
        // Beside Identity's length rule (AddIdentity ran first), wherever a password is chosen.
        services.AddScoped<IPasswordValidator<User>, GuessablePasswordValidator>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var permits = configuration.GetValue(SignInPermitsSetting, 10);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        // A changed security stamp (password change, deactivation) ends the other sessions of the account soon.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        // A signed-in user without the right role gets the localised 403 page, not a redirect.
        services.ConfigureApplicationCookie(options => options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        });

        return services;
    }

    public static WebApplication UseAccountSecurity(this WebApplication app)
    {
        app.UseRateLimiter();

        // A deactivated account stops working at its next request, whatever its cookie says.
        app.Use(async (context, next) =>
        {
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is not null)
            {
                var db = context.RequestServices.GetRequiredService<SessionsDbContext>();
                var active = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (bool?)u.IsActive).FirstOrDefaultAsync(context.RequestAborted);
                if (active != true)
                {
                    await context.RequestServices.GetRequiredService<SignInManager<User>>().SignOutAsync();
                    context.User = new ClaimsPrincipal(new ClaimsIdentity());
                }
            }

            await next(context);
        });

        return app;
    }
}
