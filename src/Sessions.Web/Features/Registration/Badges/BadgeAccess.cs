using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Registration.Badges;

/// <summary>What a badge shows.</summary>
public sealed record Badge(
    string Token,
    string Title,
    string GivenName,
    string FamilyName,
    ParticipantFunction Function,
    string Organisation,
    Capacity Capacity,
    string SessionSymbol,
    TranslatedText SessionTitle,
    TranslatedText Venue,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    bool HasPhoto = false);

/// <summary>
/// Valid badges and who may see them: the secretariat, an approved focal point of the participant's
/// organisation, or the participant through the account linked to them (an account with the same verified email is
/// linked at sign-in; one whose link the secretariat undid sees nothing).
/// A badge is valid while its participant is approved and the badge not revoked.
/// </summary>
public static class BadgeAccess
{
    public sealed record Viewer(string? UserId, bool IsSecretariat);

    internal sealed record Found(Badge Badge, int OrganisationId, string? UserId);

    /// <summary>40 hexadecimal characters: anything else cannot be a token and costs no query.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 40 } && token.All(char.IsAsciiHexDigitLower);

    /// <summary>The valid badges of the participants <paramref name="which"/> selects, with what deciding access needs.</summary>
    internal static IQueryable<Found> ValidBadges(SessionsDbContext db, string language, Expression<Func<Participant, bool>> which) =>
        from p in db.Participants.AsNoTracking().Where(which)
        where p.BadgeToken != null && p.BadgeRevokedAt == null && p.Status == ParticipantStatus.Approved
        join d in db.Delegations on p.DelegationId equals d.Id
        join o in db.Organisations on d.OrganisationId equals o.Id
        join s in db.Sessions on d.SessionId equals s.Id
        select new Found(
            new Badge(
                p.BadgeToken!,
                p.Title,
                p.GivenName,
                p.FamilyName,
                p.Function,
                o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                d.Capacity,
                s.Symbol,
                s.Title,
                s.Venue,
                s.OpensOn,
                s.ClosesOn,
                p.PhotoFileId != null),
            d.OrganisationId,
            p.UserId);

    /// <summary>The badge with this token when it is valid and the viewer may see it; null otherwise (a 404, whatever the cause).</summary>
    public static async Task<Badge?> FindAsync(SessionsDbContext db, string? token, Viewer viewer, string language)
    {
        if (!LooksLikeToken(token))
        {
            return null;
        }

        var found = await ValidBadges(db, language, p => p.BadgeToken == token).SingleOrDefaultAsync();
        if (found is null)
        {
            return null;
        }

        if (viewer.IsSecretariat || (viewer.UserId is not null && found.UserId == viewer.UserId))
        {
            return found.Badge;
        }

        return viewer.UserId is not null && await db.OrganisationsActedForBy(viewer.UserId).ContainsAsync(found.OrganisationId) ? found.Badge : null;
    }
}
