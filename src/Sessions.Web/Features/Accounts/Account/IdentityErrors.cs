using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;

namespace Sessions.Web.Features.Accounts.Account;

/// <summary>Identity's refusals in the user's language: its own English descriptions are never shown.</summary>
public static class IdentityErrors
{
    public const int MinimumPasswordLength = 12;

    public static string Describe(IStringLocalizer t, IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => t["The password must have at least {0} characters.", MinimumPasswordLength],
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => t["The password must use more different characters."],
        nameof(IdentityErrorDescriber.PasswordRequiresDigit)
            or nameof(IdentityErrorDescriber.PasswordRequiresLower)
            or nameof(IdentityErrorDescriber.PasswordRequiresUpper)
            or nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => t["The password must mix letters, digits and symbols."],
        GuessablePasswordValidator.TooCommon => t["This password is too common: it is among the first an attacker would try. Choose another one."],
        GuessablePasswordValidator.ContainsEmailName => t["The password must not contain the part of your email address before the @."],
        nameof(IdentityErrorDescriber.PasswordMismatch) => t["The current password is not correct."],
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => t["An account with this email address already exists. Sign in, or reset your password if you forgot it."],
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => t["Enter a valid email address."],
        nameof(IdentityErrorDescriber.InvalidToken) => t["This link is not valid or has expired. Ask for a new one."],
        nameof(IdentityErrorDescriber.ConcurrencyFailure) => t["Someone else changed this record while you were editing it. Review the current version below and apply your changes again."],
        _ => t["Your account could not be updated. Try again, or contact the secretariat."],
    };

    /// <summary>Puts each refusal on the form; password rules go under <paramref name="passwordField"/>.</summary>
    public static void AddTo(ModelStateDictionary modelState, IStringLocalizer t, IdentityResult result, string passwordField = "", string emailField = "")
    {
        foreach (var error in result.Errors)
        {
            var key = error.Code.StartsWith("Password", StringComparison.Ordinal) && error.Code != nameof(IdentityErrorDescriber.PasswordMismatch)
                ? passwordField
                : error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)
                    ? emailField
                    : "";
            var message = Describe(t, error);
            if (modelState[key]?.Errors.Any(e => e.ErrorMessage == message) != true)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}
