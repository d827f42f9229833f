using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Delegations;

/// <summary>
/// Every state change that concerns a nominee sends them a notice in their language (nominated, waitlisted,
/// promoted, withdrawn); a promotion also tells the organisation's focal points. Queued only: the caller saves.
/// </summary>
public sealed class ParticipantNoticesHandler(SessionsDbContext db, NoticeWriter notices, AccountNotices links)
{
    public void QueueNomination(Participant participant, Session session, string organisationName)
    {
        var args = Arguments(session, organisationName);
        var confirm = ConfirmParagraph(session);
        var notice = participant.Status == ParticipantStatus.Waitlisted
            ? new Notice(
                "participants.waitlisted",
                "You are on the waitlist for {0}",
                ["{1} has nominated you to its delegation to {2} ({0}).", "The session has reached its capacity for observers, so your nomination is on the waitlist. You will be told as soon as a place frees up.", confirm],
                args)
            : new Notice(
                "participants.invitation",
                "Please confirm your participation in {0}",
                ["{1} has nominated you to its delegation to {2} ({0}).", confirm],
                args);
        notices.Queue(participant.Email, participant.FullName, participant.PreferredLanguage, notice with { Link = (ConfirmUrl(participant), "Confirm my details") });
    }

    public void QueueWithdrawal(Participant participant, Session session, string organisationName) =>
        notices.Queue(participant.Email, participant.FullName, participant.PreferredLanguage, new Notice(
            "participants.withdrawn",
            "Your nomination to {0} has been withdrawn",
            ["{1} has withdrawn your nomination to its delegation to {2} ({0}).", "If you think this is a mistake, contact your organisation."],
            Arguments(session, organisationName)));

    public async Task QueuePromotionAsync(Participant participant, Session session, int organisationId, string organisationName)
    {
        notices.Queue(participant.Email, participant.FullName, participant.PreferredLanguage, new Notice(
            "participants.promoted",
            "A place has freed up for you at {0}",
            ["A place has freed up at {2} ({0}): your nomination by {1} has moved off the waitlist.", ConfirmParagraph(session)],
            Arguments(session, organisationName))
        { Link = (ConfirmUrl(participant), "Confirm my details") });

        var focalPoints = await db.FocalPoints.AsNoTracking()
            .Where(f => f.OrganisationId == organisationId && f.Status == FocalPointStatus.Approved)
            .Join(db.Users, f => f.UserId, u => u.Id, (f, u) => new { u.Email, u.FullName, u.PreferredLanguage })
            .ToListAsync();
        foreach (var focalPoint in focalPoints.Where(f => f.Email is not null))
        {
            notices.Queue(focalPoint.Email!, focalPoint.FullName, focalPoint.PreferredLanguage, new Notice(
                "delegations.promoted",
                "{3} has moved off the waitlist for {0}",
                ["A place has freed up at {2} ({0}): {3}, nominated by {1}, now holds a place in your delegation."],
                [.. Arguments(session, organisationName)[..3], participant.FullName]));
        }
    }

    /// <summary>The deadline as the venue reads it, e.g. "2026-05-20 18:00 (Africa/Nairobi)".</summary>
    public static string VenueTime(Session session, DateTime utc) =>
        string.Create(CultureInfo.InvariantCulture, $"{session.ToLocal(utc):yyyy-MM-dd HH:mm} ({session.TimeZoneId})");

    private static object[] Arguments(Session session, string organisationName) =>
        [session.Symbol, organisationName, session.Title, session.RegistrationDeadline is { } deadline ? VenueTime(session, deadline) : ""];

    private static string ConfirmParagraph(Session session) => session.RegistrationDeadline is null
        ? "Please confirm your details with the link below."
        : "Please confirm your details with the link below by {3}, time at the venue.";

    private string ConfirmUrl(Participant participant) => links.Absolute($"/participants/confirm/{participant.ConfirmationToken}");
}
