using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Accounts.Account;

/// <summary>
/// Chooses a new password with the code sent by email: after "Forgot your password?", or the first
/// password of an account the secretariat created. The link reached the inbox, so it also confirms the address.
/// </summary>
public static class ResetPassword
{
    public sealed class Command
    {
        public string? UserId { get; set; }

        public string? Code { get; set; }

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirm the new password")]
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Handler(UserManager<User> users, IStringLocalizer<Text> t)
    {
        public async Task<bool> HandleAsync(Command command, ModelStateDictionary modelState)
        {
            var token = AccountNotices.Decode(command.Code);
            var user = string.IsNullOrWhiteSpace(command.UserId) ? null : await users.FindByIdAsync(command.UserId);
            if (user is null || token is null || !user.IsActive)
            {
                modelState.AddModelError("", t["This link is not valid or has expired. Ask for a new one."]);
                return false;
            }

            var result = await users.ResetPasswordAsync(user, token, command.Password);
            if (!result.Succeeded)
            {
                IdentityErrors.AddTo(modelState, t, result, nameof(Command.Password));
                return false;
            }

            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
            return true;
        }
    }
}
