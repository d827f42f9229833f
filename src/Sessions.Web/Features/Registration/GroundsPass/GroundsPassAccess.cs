using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Web.Features.Registration.Badges;

namespace Sessions.Web.Features.Registration.GroundsPass;

/// <summary>
/// Whose grounds pass a request may reach: the participant (their linked account, or the private link of their
/// invitation), an approved focal point of their organisation, or the secretariat. Anyone else finds nothing (404).
/// </summary>
public static class GroundsPassAccess
{
    /// <summary>Either a participant's id (for a signed-in viewer) or the token of their invitation link.</summary>
    public sealed record Reach(int? ParticipantId, string? Token, BadgeAccess.Viewer Viewer)
    {
        /// <summary>The page's address; the forms and the photo hang under it.</summary>
        public string Link => Token is not null ? $"/participants/confirm/{Token}/grounds-pass" : $"/participants/{ParticipantId}/grounds-pass";
    }

    public static IQueryable<Participant> Reachable(SessionsDbContext db, Reach reach)
    {
        if (reach.Token is { } token)
        {
            return token.Length is > 0 and <= 64 ? db.Participants.Where(p => p.ConfirmationToken == token) : db.Participants.Where(p => false);
        }

        var id = reach.ParticipantId;
        var viewer = reach.Viewer;
        if (viewer.IsSecretariat)
        {
            return db.Participants.Where(p => p.Id == id);
        }

        if (viewer.UserId is not { } userId)
        {
            return db.Participants.Where(p => false);
        }

        var delegations = db.DelegationsActedForBy(userId).Select(d => d.Id);
        return db.Participants.Where(p => p.Id == id && (p.UserId == userId || delegations.Contains(p.DelegationId)));
    }
}
