using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Sessions.Core.Accounts;

namespace Sessions.Web.Features.Accounts.Account;

/// <summary>
/// Signing out ends the session everywhere: the account gets a new security stamp, so this cookie and any copy
/// of it (another browser, a stolen one) stop working at their next request (see AccountSecuritySetup).
/// </summary>
public static class SignOut
{
    public sealed class Handler(UserManager<User> users, SignInManager<User> signInManager)
    {
        public async Task HandleAsync(ClaimsPrincipal principal)
        {
            if (await users.GetUserAsync(principal) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            await signInManager.SignOutAsync();
        }
    }
}
