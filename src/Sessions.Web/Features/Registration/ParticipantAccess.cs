using System.Security.Claims;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Registration;

/// <summary>
/// How a person reaches one participant's own pages (grounds pass, visa letter, special requirements): the participant
/// through the private link of their invitation (<see cref="Token"/>), or a signed-in account (<see cref="UserId"/>)
/// that is the participant's own (<see cref="Participant.UserId"/>), a focal point of the participant's organisation,
/// or the secretariat. Anyone else finds nothing: the pages answer 404.
/// </summary>
public sealed record ParticipantAccess(string? Token, int? ParticipantId, string? UserId, bool IsSecretariat)
{
    /// <summary>The longest token worth a query: anything longer was never given.</summary>
    private const int MaxTokenLength = 64;

    public static ParticipantAccess ByToken(string token) => new(token, null, null, false);

    public static ParticipantAccess ByAccount(int participantId, ClaimsPrincipal user) =>
        new(null, participantId, user.FindFirstValue(ClaimTypes.NameIdentifier), user.IsInRole(Roles.Secretariat));

    /// <summary>The address of the participant's pages for this person: under the private link, or under the participant's id.</summary>
    public string BasePath => Token is not null ? $"/participants/confirm/{Token}" : $"/participants/{ParticipantId}";

    /// <summary>The participant, when this person may reach them; empty otherwise.</summary>
    public IQueryable<Participant> Query(SessionsDbContext db)
    {
        if (Token is not null)
        {
            var token = Token;
            return token.Length is > 0 and <= MaxTokenLength ? db.Participants.Where(p => p.ConfirmationToken == token) : db.Participants.Where(p => false);
        }

        if (ParticipantId is not { } id || string.IsNullOrEmpty(UserId))
        {
            return db.Participants.Where(p => false);
        }

        if (IsSecretariat)
        {
            return db.Participants.Where(p => p.Id == id);
        }

        var userId = UserId;
        var delegations = db.DelegationsActedForBy(userId).Select(d => d.Id);
        return db.Participants.Where(p => p.Id == id && (p.UserId == userId || delegations.Contains(p.DelegationId)));
    }
}
