using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;

namespace Sessions.Web.Features.Speakers.Lists;

/// <summary>
/// A delegate's or focal point's inscriptions on every list: while waiting, the place, the speakers ahead and the
/// estimated wait (<see cref="SpeakerWait"/>); they can withdraw an entry that is still waiting.
/// </summary>
public static class MySpeakingSlots
{
    public const int PageSize = 20;

    public sealed record Row(
        int Id,
        int ListId,
        string SessionSymbol,
        AgendaItemHeading AgendaItem,
        int? MeetingNumber,
        string Delegation,
        InscriptionKind Kind,
        string? GroupName,
        ReplyRound? ReplyRound,
        string? Speaker,
        SpeakerStatus Status,
        bool HasStatement,
        SpeakerWait? Wait,
        int DelegationId)
    {
        public bool CanWithdraw => Status == SpeakerStatus.Waiting;
    }

    public sealed record Model(IReadOnlyList<Row> Rows, int Page, int PageCount);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        public async Task<Model> HandleAsync(string userId, string language, int page)
        {
            var mine = db.Inscriptions.AsNoTracking().Where(i => db.DelegationsSpokenForBy(userId).Select(d => d.Id).Contains(i.DelegationId));
            var count = await mine.CountAsync();
            var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pageCount);
            var rows = await mine
                .OrderBy(i => i.Status != SpeakerStatus.Waiting && i.Status != SpeakerStatus.Speaking).ThenByDescending(i => i.InscribedAt).ThenByDescending(i => i.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Join(db.SpeakersLists, i => i.SpeakersListId, l => l.Id, (i, l) => new { i, l })
                .Join(db.AgendaItems, x => x.l.AgendaItemId, a => a.Id, (x, a) => new { x.i, x.l, a })
                .Select(x => new
                {
                    x.i.Id,
                    x.i.DelegationId,
                    ListId = x.l.Id,
                    SessionSymbol = db.Sessions.Where(s => s.Id == x.l.SessionId).Select(s => s.Symbol).Single(),
                    AgendaItem = new AgendaItemHeading(x.a.Number, x.a.Title),
                    MeetingNumber = db.Meetings.Where(m => m.Id == x.l.MeetingId).Select(m => (int?)m.Number).FirstOrDefault(),
                    Delegation = db.Delegations.Where(d => d.Id == x.i.DelegationId)
                        .Select(d => db.Organisations.Where(o => o.Id == d.OrganisationId)
                            .Select(o => o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name).Single()).Single(),
                    x.i.Kind,
                    x.i.GroupName,
                    x.i.ReplyRound,
                    Speaker = db.Participants.Where(p => p.Id == x.i.SpeakerParticipantId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
                    x.i.Status,
                    HasStatement = x.i.StatementFileId != null,
                })
                .ToListAsync();

            // The wait depends on everyone ahead, so the lists with a waiting entry are read whole (one query).
            var waitingListIds = rows.Where(r => r.Status == SpeakerStatus.Waiting).Select(r => r.ListId).Distinct().ToList();
            var lists = await db.SpeakersLists.AsNoTracking().Include(l => l.Inscriptions).Where(l => waitingListIds.Contains(l.Id)).ToListAsync();
            var now = clock.GetUtcNow().UtcDateTime;
            var waits = lists.SelectMany(l => SpeakerWait.For(l, now)).ToDictionary(w => w.Key, w => w.Value);
            return new Model(
                rows.Select(r => new Row(r.Id, r.ListId, r.SessionSymbol, r.AgendaItem, r.MeetingNumber, r.Delegation, r.Kind, r.GroupName, r.ReplyRound, r.Speaker, r.Status, r.HasStatement, waits.GetValueOrDefault(r.Id), r.DelegationId)).ToList(),
                page,
                pageCount);
        }
    }
}
