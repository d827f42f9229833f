using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Web.Features.Accounts.Account;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>
/// The second step of the invitation: once their details are confirmed, the participant creates an account with the
/// address the invitation was sent to, or signs in to the one they have, and the participation is linked to it
/// (<see cref="ParticipantAccounts"/>). The address of an account created here counts as verified: the private link
/// reached the person at that address, as a confirmation message would.
/// </summary>
public static class ParticipantAccount
{
    public enum State
    {
        /// <summary>The details are to be confirmed first.</summary>
        ConfirmDetailsFirst,

        /// <summary>Nobody is signed in: create an account, or sign in.</summary>
        CreateOrSignIn,

        /// <summary>Signed in with the invitation's verified address: link this participation.</summary>
        MayLink,

        /// <summary>Signed in to another account: nothing may be linked.</summary>
        OtherAccount,

        /// <summary>Linked to the account signed in.</summary>
        LinkedToYou,

        /// <summary>Linked to an account, not the one signed in (if any).</summary>
        Linked,
    }

    public sealed record Step(State State, string? SignedInEmail);

    public sealed class NewAccount
    {
        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirm the password")]
        public string ConfirmPassword { get; set; } = "";
    }

    public sealed class Handler(SessionsDbContext db, UserManager<User> users, SignInManager<User> signIn, TimeProvider clock, IStringLocalizer<Text> t)
    {
        /// <summary>Where the person stands, for the account part of the invitation page.</summary>
        public async Task<Step> DescribeAsync(string token, string? userId)
        {
            var participant = await db.Participants.AsNoTracking().SingleAsync(p => p.ConfirmationToken == token);
            var signedIn = userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Email, u.EmailConfirmed }).SingleOrDefaultAsync();
            var state = participant.UserId is not null
                ? participant.UserId == userId ? State.LinkedToYou : State.Linked
                : !DetailsSettled(participant.Status, participant.ConfirmedAt) ? State.ConfirmDetailsFirst
                : signedIn is null ? State.CreateOrSignIn
                : ParticipantAccounts.MayLink(participant, signedIn.Email, signedIn.EmailConfirmed, fromInvitation: true) ? State.MayLink
                : State.OtherAccount;
            return new Step(state, signedIn?.Email);
        }

        /// <summary>
        /// Creates the account with the participant's address, verified, links it and signs it in. Null when the token
        /// is nobody's; false with the reasons on <paramref name="modelState"/> when refused.
        /// </summary>
        public async Task<bool?> CreateAsync(string token, string? signedInUserId, NewAccount form, ModelStateDictionary modelState)
        {
            var participant = await db.Participants.SingleOrDefaultAsync(p => p.ConfirmationToken == token);
            if (participant is null)
            {
                return null;
            }

            EnsureOpen(participant, signedInUserId);
            if (!modelState.IsValid)
            {
                return false;
            }

            var email = participant.Email.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                // Only the holder of the private link learns this, and the link went to that address.
                throw new DomainException("An account with this email address already exists. Sign in, or reset your password if you forgot it.");
            }

            var user = new User
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                FullName = participant.FullName,
                PreferredLanguage = participant.PreferredLanguage,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            await using var transaction = await db.Database.BeginTransactionAsync();
            var created = await users.CreateAsync(user, form.Password);
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync();
                IdentityErrors.AddTo(modelState, t, created, $"{nameof(ConfirmParticipation.Form.NewAccount)}.{nameof(NewAccount.Password)}");
                return false;
            }

            await db.LinkFromInvitationAsync(participant, user);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "pwd");
            return true;
        }

        /// <summary>Links the participation to the signed-in account; refused (nothing linked) unless its verified address is the invitation's.</summary>
        public async Task<ChangeOutcome> LinkAsync(string token, string userId)
        {
            var participant = await db.Participants.SingleOrDefaultAsync(p => p.ConfirmationToken == token);
            if (participant is null)
            {
                return ChangeOutcome.NotFound;
            }

            if (participant.UserId is not null && participant.UserId != userId)
            {
                throw new DomainException("This participation is already linked to another account.");
            }

            if (!DetailsSettled(participant.Status, participant.ConfirmedAt))
            {
                throw new DomainException("Confirm your details first.");
            }

            var user = await users.FindByIdAsync(userId) ?? throw new DomainException("This participation is already linked to another account.");
            if (!await db.LinkFromInvitationAsync(participant, user))
            {
                throw new DomainException(user.EmailConfirmed
                    ? "You are signed in as {0}, but this invitation was sent to another address. Sign out, then sign in with the address the invitation was sent to, or create an account for it."
                    : "Confirm your email address first: follow the link in the message we sent you.", user.Email ?? "");
            }

            await db.SaveChangesAsync();
            await signIn.RefreshSignInAsync(user);
            return ChangeOutcome.Done;
        }

        /// <summary>
        /// The account comes after the details: a nominee confirms them first; one already decided on (approved,
        /// rejected, withdrawn) can no longer confirm and goes straight to the account.
        /// </summary>
        private static bool DetailsSettled(ParticipantStatus status, DateTime? confirmedAt) =>
            confirmedAt is not null || status is not (ParticipantStatus.Nominated or ParticipantStatus.Waitlisted);

        private static void EnsureOpen(Participant participant, string? signedInUserId)
        {
            if (participant.UserId is not null)
            {
                throw new DomainException("This participation is already linked to an account: sign in to it.");
            }

            if (!DetailsSettled(participant.Status, participant.ConfirmedAt))
            {
                throw new DomainException("Confirm your details first.");
            }

            if (signedInUserId is not null)
            {
                throw new DomainException("You are signed in to another account: sign out first to create an account for this invitation.");
            }
        }
    }
}
