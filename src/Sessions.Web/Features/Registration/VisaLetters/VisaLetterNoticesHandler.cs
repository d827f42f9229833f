using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Web.Features.Accounts.Account;
using Sessions.Web.Features.Registration.Delegations;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Registration.VisaLetters;

/// <summary>
/// Every change to a visa letter request tells the participant, in their language, with the private link to the
/// request's page (it needs no account). Queued only: the caller saves.
/// </summary>
public sealed class VisaLetterNoticesHandler(SessionsDbContext db, NoticeWriter notices, AccountNotices links)
{
    public async Task<OutboundEmail> QueueAsync(NoticeKind kind, Participant participant, Session session, NoticeValues? more = null)
    {
        var organisationId = await db.Delegations.Where(d => d.Id == participant.DelegationId).Select(d => d.OrganisationId).SingleAsync();
        var values = NoticeValues.ForSession(session, links.Absolute($"/sessions/{session.Id}")).With(new NoticeValues
        {
            { "OrganisationName", await ParticipantNoticesHandler.OrganisationNameAsync(db, organisationId) },
            { "VisaLetterLink", new NoticeValue.Link(links.Absolute($"/participants/confirm/{participant.ConfirmationToken}/visa-letter")) },
        });
        return notices.Queue(participant.Email, participant.FullName, participant.PreferredLanguage, kind, more is null ? values : values.With(more));
    }
}
