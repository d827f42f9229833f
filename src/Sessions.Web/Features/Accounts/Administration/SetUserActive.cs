using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Features.Accounts.Account;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Accounts.Administration;

/// <summary>
/// Deactivates or reactivates an account. A deactivated account cannot sign in, and its open sessions
/// end at their next request (see AccountSecuritySetup); its records stay.
/// </summary>
public static class SetUserActive
{
    public sealed class Handler(UserManager<User> users, NoticeWriter notices, AccountNotices links, SessionsDbContext db)
    {
        /// <summary>False when the account does not exist.</summary>
        public async Task<bool> HandleAsync(string userId, bool active, string actingUserId)
        {
            if (userId == actingUserId)
            {
                throw new DomainException("You cannot deactivate or reactivate your own account.");
            }

            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return false;
            }

            if (user.IsActive == active)
            {
                return true;
            }

            user.IsActive = active;
            if (active)
            {
                notices.Queue(user.Email!, user.FullName, user.PreferredLanguage, NoticeKinds.AccountReactivated, new NoticeValues
                {
                    { "SignInLink", new NoticeValue.Link(links.Absolute("/account/sign-in")) },
                });
            }
            else
            {
                notices.Queue(user.Email!, user.FullName, user.PreferredLanguage, NoticeKinds.AccountDeactivated, []);
            }

            // A new security stamp invalidates the cookies the account holds.
            await users.UpdateSecurityStampAsync(user);
            await db.SaveChangesAsync();
            return true;
        }
    }

    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(string userId)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.FullName, u.Email }).SingleOrDefaultAsync();
            return user is null ? null : new Confirmation(
                t["Deactivate the account of {0} ({1})?", user.FullName, user.Email ?? ""],
                [
                    t["It will be signed out and unable to sign in; its records stay."],
                    t["{0} will be told by email.", user.FullName],
                ],
                t["Deactivate the account"],
                $"/admin/users/{userId}");
        }
    }
}
