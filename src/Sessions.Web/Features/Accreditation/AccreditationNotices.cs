using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accreditation;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Web.Features.Accounts.Account;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;
using AccreditationRecord = Sessions.Core.Accreditation.Accreditation;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Accreditation;

/// <summary>
/// Tells every approved focal point of the organisation about its accreditation, each in their own
/// language. The notices go into the outbox with the change that caused them; the caller saves.
/// </summary>
public static class AccreditationNotices
{
    public sealed class Handler(SessionsDbContext db, NoticeWriter writer, AccountNotices links, IStringLocalizer<Text> t)
    {
        /// <summary>
        /// Queues a notice of <paramref name="kind"/> with the organisation's name, what the accreditation is
        /// for and the link to the accreditation page, plus <paramref name="more"/> (a reason).
        /// </summary>
        public async Task QueueAsync(AccreditationRecord accreditation, NoticeKind kind, NoticeValues? more = null)
        {
            var organisation = await db.Organisations.AsNoTracking().Include(o => o.Names).SingleAsync(o => o.Id == accreditation.OrganisationId);
            var bodyName = accreditation.BodyId is { } bodyId ? (await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bodyId))?.Name : null;
            var recipients = await db.FocalPointRecipients([accreditation.OrganisationId]).AsNoTracking().ToListAsync();
            var values = new NoticeValues
            {
                { "OrganisationName", new NoticeValue.PerLanguage(organisation.DisplayName) },
                { "AccreditationFor", new NoticeValue.PerLanguage(language => Subject(accreditation.Basis, bodyName, language)) },
                { "AccreditationLink", new NoticeValue.Link(links.Absolute("/accreditation")) },
            }.With(more ?? []);
            foreach (var recipient in recipients)
            {
                writer.Queue(recipient.Email, recipient.FullName, recipient.PreferredLanguage, kind, values);
            }
        }

        /// <summary>What the accreditation is for, in <paramref name="language"/>: the body of an ad hoc accreditation, else its basis.</summary>
        private string Subject(AccreditationBasis basis, TranslatedText? bodyName, string language) =>
            Cultures.In(language, () => basis == AccreditationBasis.AdHoc && bodyName is not null ? t["ad hoc, {0}", bodyName.In(language).Text].Value : t.For(basis));
    }
}
