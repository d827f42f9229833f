using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration;

/// <summary>
/// How a person reaches one participant's own pages (visa letter, special requirements): the participant through the
/// private link of their invitation (<see cref="Token"/>), or a signed-in account (<see cref="UserId"/>) that is the
/// participant's own (<see cref="Participant.UserId"/>) or a focal point of the participant's organisation. Anyone else
/// finds nothing: the pages answer 404.
/// </summary>
public sealed record ParticipantAccess(string? Token, int? ParticipantId, string? UserId)
{
    public static ParticipantAccess ByToken(string token) => new(token, null, null);

    public static ParticipantAccess ByAccount(int participantId, string userId) => new(null, participantId, userId);

    /// <summary>The address of the participant's pages for this person: under the private link, or under the participant's id.</summary>
    public string BasePath => Token is not null ? $"/participants/confirm/{Token}" : $"/participants/{ParticipantId}";

    /// <summary>The participant, when this person may reach them; empty otherwise.</summary>
    public IQueryable<Participant> Query(SessionsDbContext db)
    {
        if (Token is { Length: > 0 } token)
        {
            return db.Participants.Where(p => p.ConfirmationToken == token);
        }

        if (ParticipantId is not { } id || string.IsNullOrEmpty(UserId))
        {
            return db.Participants.Where(p => false);
        }

        var userId = UserId;
        var delegations = db.DelegationsActedForBy(userId).Select(d => d.Id);
        return db.Participants.Where(p => p.Id == id && (p.UserId == userId || delegations.Contains(p.DelegationId)));
    }
}
