using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Web.Features.Accounts.Account;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Registration.Delegations;

/// <summary>
/// Every state change that concerns a nominee sends them a notice in their language (nominated, waitlisted,
/// promoted, withdrawn); a promotion also tells the organisation's focal points. Queued only: the caller saves.
/// </summary>
public sealed class ParticipantNoticesHandler(SessionsDbContext db, NoticeWriter notices, AccountNotices links)
{
    /// <summary>The organisation's name in each recipient's language, for <c>{OrganisationName}</c>.</summary>
    public static async Task<NoticeValue> OrganisationNameAsync(SessionsDbContext db, int organisationId)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Names).SingleAsync(o => o.Id == organisationId);
        return new NoticeValue.PerLanguage(organisation.DisplayName);
    }

    public void QueueNomination(Participant participant, Session session, NoticeValue organisationName)
    {
        var kind = participant.Status == ParticipantStatus.Waitlisted ? NoticeKinds.ParticipantWaitlisted : NoticeKinds.ParticipantInvitation;
        notices.Queue(participant.Email, participant.FullName, participant.PreferredLanguage, kind, Confirmation(participant, session, organisationName));
    }

    public void QueueWithdrawal(Participant participant, Session session, NoticeValue organisationName) =>
        notices.Queue(participant.Email, participant.FullName, participant.PreferredLanguage, NoticeKinds.ParticipantWithdrawn, Values(session, organisationName));

    public async Task QueuePromotionAsync(Participant participant, Session session, int organisationId)
    {
        var organisationName = await OrganisationNameAsync(db, organisationId);
        notices.Queue(participant.Email, participant.FullName, participant.PreferredLanguage, NoticeKinds.ParticipantPromoted, Confirmation(participant, session, organisationName));

        var focalPoints = await db.FocalPointRecipients([organisationId]).AsNoTracking().ToListAsync();
        var values = Values(session, organisationName).With(new NoticeValues
        {
            { "ParticipantName", participant.FullName },
            { "DelegationLink", new NoticeValue.Link(links.Absolute($"/delegations/{participant.DelegationId}")) },
        });
        foreach (var focalPoint in focalPoints)
        {
            notices.Queue(focalPoint.Email, focalPoint.FullName, focalPoint.PreferredLanguage, NoticeKinds.DelegationPromoted, values);
        }
    }

    private NoticeValues Values(Session session, NoticeValue organisationName) =>
        NoticeValues.ForSession(session, links.Absolute($"/sessions/{session.Id}")).With(new NoticeValues { { "OrganisationName", organisationName } });

    /// <summary>
    /// A nominee confirms by the registration deadline; where the session has none, by its opening day.
    /// </summary>
    private NoticeValues Confirmation(Participant participant, Session session, NoticeValue organisationName)
    {
        var values = Values(session, organisationName);
        values.Add("ConfirmLink", new NoticeValue.Link(links.Absolute($"/participants/confirm/{participant.ConfirmationToken}")));
        values.Add("ConfirmBy", session.RegistrationDeadline is { } deadline ? new NoticeValue.Instant(deadline, session.TimeZoneId) : new NoticeValue.Day(session.OpensOn));
        return values;
    }
}
