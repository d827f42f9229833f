using Microsoft.AspNetCore.Identity;
using Sessions.Core.Accounts;

namespace Sessions.Web.Features.Accounts.Account;

/// <summary>The link in the confirmation message proves the address belongs to the user.</summary>
public static class ConfirmEmail
{
    public sealed class Handler(UserManager<User> users)
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

            return (await users.ConfirmEmailAsync(user, token)).Succeeded;
        }
    }
}
