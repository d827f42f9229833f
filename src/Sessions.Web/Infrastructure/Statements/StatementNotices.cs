using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Statements;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Infrastructure.Statements;

/// <summary>
/// THE way a statement's change is told (scoped). The submitter is the account that submitted it and the focal points
/// of its organisation; with <c>toCoSponsors</c>, the focal points of the co-sponsors that did not decline are told too.
/// Notices are added to the context: the caller saves them with the change.
/// </summary>
public sealed class StatementNotices(SessionsDbContext db, NoticeWriter notices, PublicLinks links)
{
    public async Task QueueAsync(WrittenStatement statement, NoticeKind kind, bool toCoSponsors, NoticeValues? values = null, CancellationToken cancellationToken = default)
    {
        var coSponsorIds = toCoSponsors
            ? statement.CoSponsors.Where(c => c.Answer != CoSponsorAnswer.Declined).Select(c => c.OrganisationId).ToList()
            : [];
        var recipients = await db.FocalPointRecipients([statement.OrganisationId, .. coSponsorIds]).ToListAsync(cancellationToken);
        var submitter = await db.Users.AsNoTracking().Where(u => u.Id == statement.SubmittedByUserId && u.IsActive && u.Email != null)
            .Select(u => new FocalPointRecipient(statement.OrganisationId, u.Email!, u.FullName, u.PreferredLanguage)).ToListAsync(cancellationToken);
        var common = (await CommonValuesAsync(statement, cancellationToken)).With(values ?? []);
        var told = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var recipient in submitter.Concat(recipients).Where(r => told.Add(r.Email)))
        {
            notices.Queue(recipient.Email, recipient.FullName, recipient.PreferredLanguage, kind, common);
        }
    }

    /// <summary>Asks the focal points of every co-sponsor that has not answered yet to confirm or decline.</summary>
    public async Task QueueCoSponsorRequestsAsync(WrittenStatement statement, CancellationToken cancellationToken = default)
    {
        var pending = statement.CoSponsors.Where(c => c.Answer == CoSponsorAnswer.Pending).Select(c => c.OrganisationId).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Names).Where(o => pending.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var recipients = await db.FocalPointRecipients(pending).ToListAsync(cancellationToken);
        var common = (await CommonValuesAsync(statement, cancellationToken)).With(new NoticeValues
        {
            { "ConfirmLink", new NoticeValue.Link(links.Absolute($"/statements/{statement.Id}/co-sponsor")) },
        });
        foreach (var recipient in recipients.DistinctBy(r => (r.OrganisationId, r.Email.ToLowerInvariant())))
        {
            var values = common.With(new NoticeValues { { "CoSponsorName", new NoticeValue.PerLanguage(organisations[recipient.OrganisationId].DisplayName) } });
            notices.Queue(recipient.Email, recipient.FullName, recipient.PreferredLanguage, NoticeKinds.StatementCoSponsorRequest, values);
        }
    }

    private async Task<NoticeValues> CommonValuesAsync(WrittenStatement statement, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == statement.SessionId, cancellationToken);
        var item = await db.AgendaItems.AsNoTracking().Where(a => a.Id == statement.AgendaItemId).Select(a => new { a.Number, a.Title }).SingleAsync(cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Names).SingleAsync(o => o.Id == statement.OrganisationId, cancellationToken);
        return NoticeValues.ForSession(session, links.Absolute($"/sessions/{session.Id}")).With(new NoticeValues
        {
            { "OrganisationName", new NoticeValue.PerLanguage(organisation.DisplayName) },
            { "AgendaItem", item.Number },
            { "AgendaItemTitle", new NoticeValue.PerLanguage(language => item.Title.In(language).Text) },
            { "StatementTitle", statement.Title },
            { "StatementLink", new NoticeValue.Link(links.Absolute($"/statements/{statement.Id}")) },
            { "WordCount", statement.WordCount },
        });
    }
}
