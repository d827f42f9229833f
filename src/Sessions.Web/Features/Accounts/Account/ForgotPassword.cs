using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Sessions.Core.Accounts;
using Sessions.Core.Data;

namespace Sessions.Web.Features.Accounts.Account;

/// <summary>Sends a link to choose a new password. The answer is the same whether the address has an account or not.</summary>
public static class ForgotPassword
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";
    }

    public sealed class Handler(UserManager<User> users, AccountNotices accountNotices, SessionsDbContext db)
    {
        public async Task HandleAsync(Command command)
        {
            var user = await users.FindByEmailAsync(command.Email.Trim());
            if (user is null || !user.IsActive)
            {
                return;
            }

            await accountNotices.QueuePasswordResetAsync(user);
            await db.SaveChangesAsync();
        }
    }
}
