using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Accounts.Account;

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

    /// <summary>
    /// Every refusal reads the same until the password is proven right: an unknown address, a wrong
    /// password and a locked account get one answer and cost one password hash each, so neither the
    /// page nor its timing tells whether an address has an account. Only the right password learns that
    /// the address is not confirmed yet or the account is deactivated. A locked account answers as a wrong
    /// password does, whatever is typed: telling the right password apart would let guessing go on through the lock.
    /// </summary>
    public sealed class Handler(SignInManager<User> signInManager, UserManager<User> users, IPasswordHasher<User> hasher, SessionsDbContext db, IStringLocalizer<Text> t)
    {
        // A hash made by this process's hasher, so checking a password against it costs what a real check costs.
        private static string? _decoyHash;

        /// <summary>Signs the user in; returns the message to show when that is refused.</summary>
        public async Task<string?> HandleAsync(Command command)
        {
            var user = await users.FindByEmailAsync(command.Email.Trim());
            if (user?.PasswordHash is null || await users.IsLockedOutAsync(user))
            {
                SpendAHash(command.Password);
                return t["The email address or password is not correct."];
            }

            if (!await users.CheckPasswordAsync(user, command.Password))
            {
                await users.AccessFailedAsync(user);
                return t["The email address or password is not correct."];
            }

            if (!user.IsActive)
            {
                return t["This account has been deactivated. Contact the secretariat."];
            }

            if (!await signInManager.CanSignInAsync(user))
            {
                return t["Confirm your email address first: follow the link in the message we sent you."];
            }

            await users.ResetAccessFailedCountAsync(user);

            // Before the cookie is issued, so that it carries the Delegate role a new link gives.
            if (await db.LinkParticipationsAsync(user) > 0)
            {
                await db.SaveChangesAsync();
            }

            await signInManager.SignInAsync(user, command.RememberMe, authenticationMethod: "pwd");
            return null;
        }

        private void SpendAHash(string password)
        {
            var decoy = new User();
            _decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString("N"));
            _ = hasher.VerifyHashedPassword(decoy, _decoyHash, password);
        }
    }
}
