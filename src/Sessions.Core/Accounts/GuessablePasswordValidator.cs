using Microsoft.AspNetCore.Identity;

namespace Sessions.Core.Accounts;

/// <summary>
/// Refuses guessable passwords (<see cref="GuessablePasswords"/>) wherever Identity takes a new one: registration,
/// change, reset, the first secretariat account.
/// </summary>
public sealed class GuessablePasswordValidator : IPasswordValidator<User>
{
    public const string TooCommon = "PasswordTooCommon";
    public const string ContainsEmailName = "PasswordContainsEmailName";

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            // Identity's own validator refuses it for its length.
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (GuessablePasswords.IsCommon(password))
        {
            errors.Add(new IdentityError { Code = TooCommon, Description = "The password is among the most common passwords." });
        }

        if (GuessablePasswords.ContainsEmailName(password, user.Email))
        {
            errors.Add(new IdentityError { Code = ContainsEmailName, Description = "The password contains the part of the email address before the @." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
