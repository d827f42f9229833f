using Microsoft.AspNetCore.Identity;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Web.Features.Accounts.Account;

namespace Sessions.Web.Features.Accounts.Administration;

/// <summary>
/// Sends again the link an account is waiting for: the choice of a first password (an account the
/// secretariat created, whose link has expired) or the confirmation of the address.
/// </summary>
public static class SendAccountLink
{
    public sealed class Handler(UserManager<User> users, AccountNotices accountNotices, SessionsDbContext db)
    {
        /// <summary>False when the account does not exist; nothing is sent to a confirmed account with a password.</summary>
        public async Task<bool> HandleAsync(string userId)
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return false;
            }

            if (user.PasswordHash is null)
            {
                await accountNotices.QueueSecretariatWelcomeAsync(user);
            }
            else if (!user.EmailConfirmed)
            {
                await accountNotices.QueueConfirmationAsync(user);
            }

            await db.SaveChangesAsync();
            return true;
        }
    }
}
