using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;
using Sessions.Core.Statements;

namespace Sessions.Core.Attendance;

// Stand-in until the shared Participation lands on main (same names); removed before merging main.
public sealed record DelegationParticipation(int SessionId, int DelegationId, int OrganisationId, Capacity Capacity,
    OrganisationCategory Category, RegistrationStatus Status, int ParticipantsRegistered, int ParticipantsApproved,
    int ParticipantsAttended, int MeetingsAttended, int OralStatements, int WrittenStatements, int WrittenStatementsCoSponsored)
{
    public bool IsRegistered => Status is not (RegistrationStatus.Draft or RegistrationStatus.Withdrawn);
    public bool IsApproved => Status == RegistrationStatus.Approved;
    public bool Attended => ParticipantsAttended > 0;
    public bool MadeStatements => OralStatements + WrittenStatements + WrittenStatementsCoSponsored > 0;
    public bool TookPart => IsApproved && (Attended || MadeStatements);
}

public sealed record ParticipationFigures(int DelegationsRegistered, int DelegationsApproved, int DelegationsAttended,
    int ParticipantsRegistered, int ParticipantsApproved, int ParticipantsAttended, int OralStatements, int WrittenStatements)
{
    public static ParticipationFigures Of(IEnumerable<DelegationParticipation> rows)
    {
        var list = rows.ToList();
        return new ParticipationFigures(
            list.Count(r => r.IsRegistered), list.Count(r => r.IsApproved), list.Count(r => r.Attended),
            list.Where(r => r.IsRegistered).Sum(r => r.ParticipantsRegistered), list.Sum(r => r.ParticipantsApproved), list.Sum(r => r.ParticipantsAttended),
            list.Sum(r => r.OralStatements), list.Sum(r => r.WrittenStatements));
    }
}

public static class Participation
{
    public static async Task<List<DelegationParticipation>> OfSessionsAsync(SessionsDbContext db, IReadOnlyCollection<int> sessionIds, CancellationToken ct)
    {
        var ids = sessionIds.ToList();
        var delegations = await db.Delegations.AsNoTracking().Where(d => ids.Contains(d.SessionId))
            .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new { d.Id, d.SessionId, d.OrganisationId, d.Capacity, o.Category, d.Status })
            .ToListAsync(ct);
        var people = await db.Participants.AsNoTracking().Where(p => db.Delegations.Any(d => d.Id == p.DelegationId && ids.Contains(d.SessionId)))
            .GroupBy(p => p.DelegationId)
            .Select(g => new
            {
                DelegationId = g.Key,
                Registered = g.Count(p => p.Status != ParticipantStatus.Withdrawn),
                Approved = g.Count(p => p.Status == ParticipantStatus.Approved),
                Attended = g.Count(p => db.Attendance.Any(a => a.ParticipantId == p.Id && a.Status == AttendanceStatus.Present)),
            }).ToDictionaryAsync(x => x.DelegationId, ct);
        var meetings = await (
            from a in db.Attendance.AsNoTracking()
            where a.Status == AttendanceStatus.Present
            join p in db.Participants on a.ParticipantId equals p.Id
            join d in db.Delegations on p.DelegationId equals d.Id
            where ids.Contains(d.SessionId)
            group a.MeetingId by p.DelegationId into g
            select new { DelegationId = g.Key, Count = g.Distinct().Count() }).ToDictionaryAsync(x => x.DelegationId, x => x.Count, ct);
        var oral = await db.Inscriptions.AsNoTracking()
            .Where(i => i.Status == SpeakerStatus.Spoke && i.Kind != InscriptionKind.PointOfOrder && db.SpeakersLists.Any(l => l.Id == i.SpeakersListId && ids.Contains(l.SessionId)))
            .GroupBy(i => i.DelegationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var written = await db.WrittenStatements.AsNoTracking().Where(w => w.Status == StatementStatus.Issued && ids.Contains(w.SessionId))
            .GroupBy(w => w.DelegationId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var coSponsored = await (
            from c in db.StatementCoSponsors.AsNoTracking()
            where c.Answer == CoSponsorAnswer.Confirmed
            join w in db.WrittenStatements on c.WrittenStatementId equals w.Id
            where w.Status == StatementStatus.Issued && ids.Contains(w.SessionId)
            group c by new { w.SessionId, c.OrganisationId } into g
            select new { g.Key.SessionId, g.Key.OrganisationId, Count = g.Count() }).ToListAsync(ct);
        return delegations.Select(d =>
        {
            var p = people.GetValueOrDefault(d.Id);
            var registered = d.Status is RegistrationStatus.Draft or RegistrationStatus.Withdrawn ? 0 : p?.Registered ?? 0;
            return new DelegationParticipation(d.SessionId, d.Id, d.OrganisationId, d.Capacity, d.Category, d.Status,
                registered, d.Status == RegistrationStatus.Approved ? p?.Approved ?? 0 : 0, p?.Attended ?? 0, meetings.GetValueOrDefault(d.Id),
                oral.GetValueOrDefault(d.Id), written.GetValueOrDefault(d.Id),
                coSponsored.Where(c => c.SessionId == d.SessionId && c.OrganisationId == d.OrganisationId).Sum(c => c.Count));
        }).ToList();
    }
}
