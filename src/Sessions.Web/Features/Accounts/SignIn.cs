using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Accounts;

public static class SignIn
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in")]
        public bool RememberMe { get; set; }

        public string? ReturnUrl { get; set; }
    }

    public sealed class Handler(SignInManager<User> signInManager, UserManager<User> users, IStringLocalizer<Text> t)
    {
        /// <summary>Signs the user in; returns the message to show when that is refused.</summary>
        public async Task<string?> HandleAsync(Command command)
        {
            var user = await users.FindByEmailAsync(command.Email.Trim());
            if (user is null)
            {
                return t["The email address or password is not correct."];
            }

            if (!user.IsActive)
            {
                return t["This account has been deactivated. Contact the secretariat."];
            }

            var result = await signInManager.PasswordSignInAsync(user, command.Password, command.RememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return null;
            }

            if (result.IsLockedOut)
            {
                return t["Too many failed attempts: this account is locked for 5 minutes."];
            }

            if (result.IsNotAllowed)
            {
                return t["Confirm your email address first: follow the link in the message we sent you."];
            }

            return t["The email address or password is not correct."];
        }
    }
}
