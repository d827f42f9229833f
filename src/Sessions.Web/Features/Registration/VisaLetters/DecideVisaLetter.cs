using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Web.Features.Accounts.Account;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Registration.VisaLetters;

/// <summary>
/// The secretariat approves a request (the letter is written from the template in the session's working language,
/// numbered, kept as issued and attached to the participant's notice) or refuses it with a reason the participant reads.
/// </summary>
public static class DecideVisaLetter
{
    /// <summary>More than enough for a room of secretariat members approving at the same moment.</summary>
    private const int Attempts = 20;

    public sealed class Handler(
        SessionsDbContext db,
        VisaLetterNoticesHandler notices,
        NoticeTemplateStore templates,
        AccountNotices links,
        IStringLocalizer<Text> t,
        TimeProvider clock)
    {
        /// <summary>
        /// Approves request <paramref name="id"/> as it was at <paramref name="version"/>: false when there is none. The reference
        /// is the session's highest plus one, taken in the save that approves; when another approval took it first, the unique
        /// index refuses the save and the number is taken again, so letters run 0001, 0002... with no gap and no repeat.
        /// </summary>
        public async Task<bool> ApproveAsync(int id, Guid version, string userId, CancellationToken cancellationToken = default)
        {
            for (var attempt = 1; ; attempt++)
            {
                db.ChangeTracker.Clear();
                var request = await AtVersionAsync(id, version, cancellationToken);
                if (request is null)
                {
                    return false;
                }

                var participant = await db.Participants.SingleAsync(p => p.Id == request.ParticipantId, cancellationToken);
                if (!participant.IsActive)
                {
                    throw new DomainException("This participant no longer holds a place in the delegation: refuse the request instead.");
                }

                var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == request.SessionId, cancellationToken);
                var organisation = await db.Organisations.AsNoTracking().Include(o => o.Names)
                    .SingleAsync(o => db.Delegations.Any(d => d.Id == participant.DelegationId && d.OrganisationId == o.Id), cancellationToken);
                var last = await db.VisaLetterRequests.Where(r => r.SessionId == session.Id).MaxAsync(r => r.ReferenceNumber, cancellationToken) ?? 0;
                var reference = VisaLetterRequest.ReferenceFor(session.Symbol, last + 1);
                var now = clock.GetUtcNow().UtcDateTime;
                var letter = Write(request, participant, session, organisation, reference, now);
                request.Approve(last + 1, reference, letter.Language, letter.Title, letter.BodyHtml, userId, now);
                var notice = await notices.QueueAsync(NoticeKinds.VisaLetterApproved, participant, session, new NoticeValues { { "Reference", reference } });
                notice.WithAttachment(VisaLetterDocument.FileName(reference), VisaLetterDocument.Html(letter, reference));
                try
                {
                    await db.SaveChangesExpectingCollisionAsync(cancellationToken);
                    return true;
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < Attempts)
                {
                    db.ChangeTracker.Clear();
                    if (!await db.VisaLetterRequests.AsNoTracking().AnyAsync(r => r.SessionId == session.Id && r.ReferenceNumber == last + 1, cancellationToken))
                    {
                        throw;
                    }

                    // Another approval took this number first: take the next one.
                }
            }
        }

        public async Task<bool> RefuseAsync(int id, Guid version, string? reason, string userId, CancellationToken cancellationToken = default)
        {
            var request = await AtVersionAsync(id, version, cancellationToken);
            if (request is null)
            {
                return false;
            }

            request.Refuse(reason, userId, clock.GetUtcNow().UtcDateTime);
            var participant = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == request.ParticipantId, cancellationToken);
            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == request.SessionId, cancellationToken);
            await notices.QueueAsync(NoticeKinds.VisaLetterRefused, participant, session, new NoticeValues { { "Reason", request.RefusalReason! } });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        /// <summary>The letter's wording: the template of <see cref="NoticeKinds.VisaLetter"/> in the session's working language.</summary>
        private IssuedLetter Write(VisaLetterRequest request, Participant participant, Session session, Organisation organisation, string reference, DateTime now)
        {
            var language = Languages.OrDefault(session.WorkingLanguage);
            var values = NoticeValues.ForSession(session, links.Absolute($"/sessions/{session.Id}")).With(new NoticeValues
            {
                { "OrganisationName", organisation.DisplayName(language) },
                { "ParticipantName", participant.FullName },
                { "ParticipantFunction", Cultures.In(language, () => t.For(participant.Function)) },
                { "PassportNumber", request.PassportNumber },
                { "Nationality", Countries.Name(request.Nationality, language) },
                { "DateOfBirth", request.DateOfBirth },
                { "PassportIssuedOn", request.PassportIssuedOn },
                { "PassportExpiresOn", request.PassportExpiresOn },
                { "ConsulateCity", request.ConsulateCity },
                { "ConsulateCountry", Countries.Name(request.ConsulateCountry, language) },
                { "Reference", reference },
                { "LetterDate", DateOnly.FromDateTime(session.ToLocal(now)) },
            });
            var addressee = string.IsNullOrWhiteSpace(participant.Title) ? participant.FullName : $"{participant.Title} {participant.FullName}";
            var rendered = NoticeRenderer.Render(templates.Resolve(db, NoticeKinds.VisaLetter, language), language, participant.Email, addressee, values);
            return new IssuedLetter(language, rendered.Subject, VisaLetterDocument.BodyOf(rendered.Html));
        }

        private async Task<VisaLetterRequest?> AtVersionAsync(int id, Guid version, CancellationToken cancellationToken)
        {
            var request = await db.VisaLetterRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (request is null)
            {
                return null;
            }

            if (request.Version != version)
            {
                throw new DbUpdateConcurrencyException($"Visa letter request {id} changed since version {version}.");
            }

            db.Entry(request).Property(r => r.Version).OriginalValue = version;
            return request;
        }
    }

    public sealed class ConfirmationHandler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> HandleAsync(int id, string reason)
        {
            var participant = await db.VisaLetterRequests.AsNoTracking().Where(r => r.Id == id)
                .Select(r => db.Participants.Where(p => p.Id == r.ParticipantId).Select(p => new { p.GivenName, p.FamilyName, p.Email }).Single())
                .SingleOrDefaultAsync();
            if (participant is null)
            {
                return null;
            }

            var name = $"{participant.GivenName} {participant.FamilyName}".Trim();
            return new Confirmation(
                t["Refuse the visa letter requested by {0}?", name],
                [
                    t["{0} will be told by email at {1}.", name, participant.Email],
                    t["The reason given: {0}", reason],
                ],
                t["Refuse the request"],
                $"/visa-letters/{id}");
        }
    }
}
