using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Sessions.Core.Accounts;
using Sessions.Core.Notices;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Accounts.Account;

/// <summary>
/// The messages about an account: confirm an address, choose a new password, set the password of an account
/// the secretariat created, someone tried to register a taken address. Each is queued in the outbox; the caller saves.
/// </summary>
public sealed class AccountNotices(UserManager<User> users, NoticeWriter notices, PublicLinks links)
{
    public async Task QueueConfirmationAsync(User user)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var url = Absolute($"/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={code}");
        notices.Queue(user.Email!, user.FullName, user.PreferredLanguage, NoticeKinds.AccountConfirm, new NoticeValues { { "ConfirmLink", new NoticeValue.Link(url) } });
    }

    public async Task QueuePasswordResetAsync(User user)
    {
        var url = await ResetUrlAsync(user);
        notices.Queue(user.Email!, user.FullName, user.PreferredLanguage, NoticeKinds.AccountResetPassword, new NoticeValues { { "ResetLink", new NoticeValue.Link(url) } });
    }

    public async Task QueueSecretariatWelcomeAsync(User user)
    {
        var url = await ResetUrlAsync(user);
        notices.Queue(user.Email!, user.FullName, user.PreferredLanguage, NoticeKinds.AccountSecretariatCreated, new NoticeValues { { "ResetLink", new NoticeValue.Link(url) } });
    }

    /// <summary>Someone tried to register the owner's address again: the owner hears of it, the page does not say it.</summary>
    public void QueueRegistrationAttempt(User owner) =>
        notices.Queue(owner.Email!, owner.FullName, owner.PreferredLanguage, NoticeKinds.AccountRegistrationAttempted, new NoticeValues
        {
            { "SignInLink", new NoticeValue.Link(Absolute("/account/sign-in")) },
            { "ForgotPasswordLink", new NoticeValue.Link(Absolute("/account/forgot-password")) },
        });

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token inside a link's code, or null when the code was tampered with.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task<string> ResetUrlAsync(User user)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        return Absolute($"/account/reset-password?userId={Uri.EscapeDataString(user.Id)}&code={code}");
    }

    /// <summary>A link for a message (see <see cref="PublicLinks"/>).</summary>
    public string Absolute(string pathAndQuery) => links.Absolute(pathAndQuery);
}
