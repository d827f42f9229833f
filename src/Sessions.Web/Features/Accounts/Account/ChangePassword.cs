using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Accounts.Account;

/// <summary>A signed-in user changes their password; the current one is asked again.</summary>
public static class ChangePassword
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirm the new password")]
        public string ConfirmNewPassword { get; set; } = "";
    }

    public sealed class Handler(UserManager<User> users, SignInManager<User> signInManager, NoticeWriter notices, SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<bool> HandleAsync(ClaimsPrincipal principal, Command command, ModelStateDictionary modelState)
        {
            var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user does not exist.");
            var result = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
            if (!result.Succeeded)
            {
                IdentityErrors.AddTo(modelState, t, result, nameof(Command.NewPassword));
                if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                {
                    modelState.Remove("");
                    modelState.AddModelError(nameof(Command.CurrentPassword), t["The current password is not correct."]);
                }

                return false;
            }

            // The security stamp changed: the other sessions end, this one is renewed.
            await signInManager.RefreshSignInAsync(user);
            notices.Queue(user.Email!, user.FullName, user.PreferredLanguage, NoticeKinds.AccountPasswordChanged, []);
            await db.SaveChangesAsync();
            return true;
        }
    }
}
