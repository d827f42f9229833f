using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Data;

namespace Sessions.Core.Registration;

/// <summary>
/// The one rule that links participants to accounts: a participant belongs to the account whose verified email is the
/// participant's email, and that account holds the Delegate role. Every path that creates an account, proves an
/// address, signs in or names a participant's email calls it, so every participation under one address follows the
/// person. A link the secretariat undid stays undone for the automatic paths; only the person, acting from their
/// invitation's private link, links it again. Changes are tracked only: the caller saves.
/// </summary>
public static class ParticipantAccounts
{
    /// <summary>The address as both sides compare it: trimmed, case ignored (as nominations compare addresses).</summary>
    public static string Normalise(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>
    /// Whether <paramref name="participant"/> may be linked to an account holding <paramref name="accountEmail"/>: never
    /// to an unverified address, never to another address, and never again by email alone once the secretariat undid it.
    /// </summary>
    public static bool MayLink(Participant participant, string? accountEmail, bool emailConfirmed, bool fromInvitation)
    {
        var email = Normalise(accountEmail);
        return emailConfirmed
            && email.Length > 0
            && email == Normalise(participant.Email)
            && (fromInvitation || !participant.AccountLinkUndone);
    }

    /// <summary>
    /// Links every participation under the account's verified email that has no account yet and whose link was not
    /// undone, and gives the account the Delegate role when it then has one. Returns how many were linked.
    /// </summary>
    public static async Task<int> LinkParticipationsAsync(this SessionsDbContext db, User account, CancellationToken cancellationToken = default)
    {
        if (!account.EmailConfirmed || Normalise(account.Email).Length == 0)
        {
            return 0;
        }

        var email = Normalise(account.Email);
        var unlinked = await db.Participants
            .Where(p => p.UserId == null && !p.AccountLinkUndone && p.Email.ToLower() == email)
            .ToListAsync(cancellationToken);
        var linked = 0;
        // The query reads the database; a participant linked a moment ago in this context comes back linked.
        foreach (var participant in unlinked.Where(p => p.UserId is null && MayLink(p, account.Email, account.EmailConfirmed, fromInvitation: false)))
        {
            participant.LinkAccount(account.Id);
            linked++;
        }

        if (linked > 0)
        {
            await db.GrantDelegateRoleAsync(account.Id, cancellationToken);
        }

        return linked;
    }

    /// <summary>
    /// Links one participant just named or given a new address (a nomination, an edit) to the account that holds that
    /// address verified, if there is one.
    /// </summary>
    public static async Task LinkToItsAccountAsync(this SessionsDbContext db, Participant participant, CancellationToken cancellationToken = default)
    {
        if (participant.UserId is not null || participant.AccountLinkUndone)
        {
            return;
        }

        var normalised = participant.Email.Trim().ToUpperInvariant();
        var account = await db.Users.Where(u => u.NormalizedEmail == normalised && u.EmailConfirmed).SingleOrDefaultAsync(cancellationToken);
        if (account is not null && MayLink(participant, account.Email, account.EmailConfirmed, fromInvitation: false))
        {
            participant.LinkAccount(account.Id);
            await db.GrantDelegateRoleAsync(account.Id, cancellationToken);
        }
    }

    /// <summary>
    /// The person acts from their invitation's link while signed in to <paramref name="account"/>: the participant is
    /// linked (even after the secretariat undid it) when the account's verified email is the participant's, and then
    /// every other participation under that email. False, with nothing changed, otherwise.
    /// </summary>
    public static async Task<bool> LinkFromInvitationAsync(this SessionsDbContext db, Participant participant, User account, CancellationToken cancellationToken = default)
    {
        if (participant.UserId == account.Id)
        {
            await db.LinkParticipationsAsync(account, cancellationToken);
            return true;
        }

        if (participant.UserId is not null || !MayLink(participant, account.Email, account.EmailConfirmed, fromInvitation: true))
        {
            return false;
        }

        participant.LinkAccount(account.Id);
        await db.GrantDelegateRoleAsync(account.Id, cancellationToken);
        await db.LinkParticipationsAsync(account, cancellationToken);
        return true;
    }

    /// <summary>Roles add up: a focal point who is also a participant holds both.</summary>
    private static async Task GrantDelegateRoleAsync(this SessionsDbContext db, string userId, CancellationToken cancellationToken)
    {
        var roleId = await db.Roles.Where(r => r.NormalizedName == Roles.Delegate.ToUpperInvariant()).Select(r => r.Id).SingleAsync(cancellationToken);
        var pending = db.ChangeTracker.Entries<IdentityUserRole<string>>().Any(e => e.Entity.UserId == userId && e.Entity.RoleId == roleId);
        if (!pending && !await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == roleId, cancellationToken))
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = userId, RoleId = roleId });
        }
    }
}
