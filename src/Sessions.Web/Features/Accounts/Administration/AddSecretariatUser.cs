using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Web.Features.Accounts.Account;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Accounts.Administration;

/// <summary>
/// The secretariat adds a colleague. The account has no password: the message it receives carries a
/// link to choose one (the reset-password page), which also confirms the address.
/// </summary>
public static class AddSecretariatUser
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Enter the full name of the person.")]
        [StringLength(200, ErrorMessage = "{0} must have at most {1} characters.")]
        [Display(Name = "Full name of the person")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Enter the email address of the person.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [StringLength(256, ErrorMessage = "{0} must have at most {1} characters.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a language in the list.")]
        [Display(Name = "Language of the messages")]
        public string PreferredLanguage { get; set; } = Languages.English;
    }

    public sealed class Handler(UserManager<User> users, AccountNotices accountNotices, SessionsDbContext db, IStringLocalizer<Text> t, TimeProvider clock)
    {
        /// <summary>The new account's id, or null with the reasons on <paramref name="modelState"/>.</summary>
        public async Task<string?> HandleAsync(Command command, ModelStateDictionary modelState)
        {
            var email = command.Email.Trim();
            if (!Languages.IsSupported(command.PreferredLanguage))
            {
                modelState.AddModelError(nameof(Command.PreferredLanguage), t["Choose a language in the list."]);
            }

            if (await users.FindByEmailAsync(email) is not null)
            {
                modelState.AddModelError(nameof(Command.Email), t["An account with this email address already exists."]);
            }

            if (!modelState.IsValid)
            {
                return null;
            }

            var user = new User
            {
                UserName = email,
                Email = email,
                EmailConfirmed = false,
                FullName = command.FullName.Trim(),
                PreferredLanguage = command.PreferredLanguage,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                IdentityErrors.AddTo(modelState, t, created, emailField: nameof(Command.Email));
                return null;
            }

            await accountNotices.QueueSecretariatWelcomeAsync(user);
            await users.AddToRoleAsync(user, Roles.Secretariat);
            await db.SaveChangesAsync();
            return user.Id;
        }
    }
}
