using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Web.Features.Accounts.Account;

namespace Sessions.Web.Infrastructure.Security;

/// <summary>Wiring of account protection: sign-in rate limits, the security stamp and the account's state checked on every request.</summary>
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

        // The stamp itself is checked on every request (UseAccountSecurity); Identity's validator, which rebuilds the
        // principal from the database, runs once a minute so that a role granted since sign-in shows up.
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

        // A cookie works only while its account is active and its security stamp is the account's: sign-out, a password
        // change or reset and deactivation each give the account a new stamp, so every cookie it held stops at once.
        // One query by primary key per signed-in request.
        var stampClaim = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        app.Use(async (context, next) =>
        {
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is not null)
            {
                var db = context.RequestServices.GetRequiredService<SessionsDbContext>();
                var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.IsActive, u.SecurityStamp }).FirstOrDefaultAsync(context.RequestAborted);
                if (account is not { IsActive: true } || account.SecurityStamp != context.User.FindFirstValue(stampClaim))
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
