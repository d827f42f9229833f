using Microsoft.AspNetCore.Identity;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Accounts.Account;

/// <summary>The link in the confirmation message proves the address belongs to the user.</summary>
public static class ConfirmEmail
{
    public sealed class Handler(UserManager<User> users, SessionsDbContext db)
    {
        /// <summary>True when the address is (now) confirmed; false for an unknown user or a bad or expired code.</summary>
        public async Task<bool> HandleAsync(string? userId, string? code)
        {
            var token = AccountNotices.Decode(code);
            if (string.IsNullOrWhiteSpace(userId) || token is null || await users.FindByIdAsync(userId) is not { } user)
            {
                return false;
            }

            if (user.EmailConfirmed)
            {
                return true;
            }

            if (!(await users.ConfirmEmailAsync(user, token)).Succeeded)
            {
                return false;
            }

            // A proven address brings the participations nominated under it.
            if (await db.LinkParticipationsAsync(user) > 0)
            {
                await db.SaveChangesAsync();
            }

            return true;
        }
    }
}
