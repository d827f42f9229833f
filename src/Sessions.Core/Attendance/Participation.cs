using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;
using Sessions.Core.Statements;

namespace Sessions.Core.Attendance;

/// <summary>
/// How one delegation took part in its session: the one account of registration, attendance and statements that the
/// attendance report, the statistics across sessions and the dashboard all add up.
/// </summary>
/// <param name="ParticipantsRegistered">Not withdrawn, in a registered delegation (0 when the delegation is not registered).</param>
/// <param name="ParticipantsAttended">Present at one meeting of the session at least.</param>
/// <param name="MeetingsAttended">Meetings at which one of its participants at least was present.</param>
/// <param name="OralStatements">Interventions delivered (points of order are not statements).</param>
/// <param name="WrittenStatements">Issued written statements the delegation submitted.</param>
/// <param name="ParticipantsInTheRoom">Present in the room at one meeting at least (someone who also took part online counts in both).</param>
/// <param name="ParticipantsOnline">Present online at one meeting at least.</param>
/// <param name="WrittenStatementsCoSponsored">
/// Issued statements of the session its organisation confirmed as co-sponsor: the organisation made them too, but
/// they are never added to the statement totals, so a joint statement counts once.
/// </param>
public sealed record DelegationParticipation(
    int SessionId,
    int DelegationId,
    int OrganisationId,
    Capacity Capacity,
    OrganisationCategory Category,
    RegistrationStatus Status,
    int ParticipantsRegistered,
    int ParticipantsApproved,
    int ParticipantsAttended,
    int MeetingsAttended,
    int OralStatements,
    int WrittenStatements,
    int WrittenStatementsCoSponsored,
    int ParticipantsInTheRoom = 0,
    int ParticipantsOnline = 0)
{
    /// <summary>The delegation was submitted to the secretariat (not a draft, not withdrawn).</summary>
    public bool IsRegistered => Status is not (RegistrationStatus.Draft or RegistrationStatus.Withdrawn);

    public bool IsApproved => Status == RegistrationStatus.Approved;

    public bool Attended => ParticipantsAttended > 0;

    public bool MadeStatements => OralStatements + WrittenStatements + WrittenStatementsCoSponsored > 0;

    /// <summary>
    /// Took part in the session: approved, and present at a meeting or the author of a statement (a statement read or
    /// issued is taking part even where nobody recorded the delegation's attendance).
    /// </summary>
    public bool TookPart => IsApproved && (Attended || MadeStatements);
}

/// <summary>The totals of a set of <see cref="DelegationParticipation"/> rows (a capacity, a category, a session).</summary>
public sealed record ParticipationFigures(
    int DelegationsRegistered,
    int DelegationsApproved,
    int DelegationsAttended,
    int ParticipantsRegistered,
    int ParticipantsApproved,
    int ParticipantsAttended,
    int OralStatements,
    int WrittenStatements,
    int ParticipantsInTheRoom = 0,
    int ParticipantsOnline = 0)
{
    public int Statements => OralStatements + WrittenStatements;

    public static ParticipationFigures Of(IEnumerable<DelegationParticipation> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int delegationsRegistered = 0, delegationsApproved = 0, delegationsAttended = 0;
        int participantsRegistered = 0, participantsApproved = 0, participantsAttended = 0, oral = 0, written = 0, inTheRoom = 0, online = 0;
        foreach (var row in rows)
        {
            delegationsRegistered += row.IsRegistered ? 1 : 0;
            delegationsApproved += row.IsApproved ? 1 : 0;
            delegationsAttended += row.Attended ? 1 : 0;
            participantsRegistered += row.ParticipantsRegistered;
            participantsApproved += row.ParticipantsApproved;
            participantsAttended += row.ParticipantsAttended;
            oral += row.OralStatements;
            written += row.WrittenStatements;
            inTheRoom += row.ParticipantsInTheRoom;
            online += row.ParticipantsOnline;
        }

        return new ParticipationFigures(delegationsRegistered, delegationsApproved, delegationsAttended,
            participantsRegistered, participantsApproved, participantsAttended, oral, written, inTheRoom, online);
    }
}

public static class Participation
{
    /// <summary>
    /// One row per delegation of the sessions, drafts included (they count as not registered). Each kind of figure is
    /// one query grouped by the database, so a session of a hundred thousand participants loads a few thousand numbers.
    /// </summary>
    public static async Task<List<DelegationParticipation>> OfSessionsAsync(SessionsDbContext db, IReadOnlyCollection<int> sessionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(sessionIds);
        var ids = sessionIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var delegations = db.Delegations.AsNoTracking().Where(d => ids.Contains(d.SessionId));

        var rows = await (
            from d in delegations
            join o in db.Organisations on d.OrganisationId equals o.Id
            orderby d.SessionId, d.Id
            select new { d.SessionId, d.Id, d.OrganisationId, d.Capacity, o.Category, d.Status })
            .ToListAsync(cancellationToken);

        var participants = await (
            from p in db.Participants.AsNoTracking()
            join d in delegations on p.DelegationId equals d.Id
            group p by p.DelegationId into g
            select new
            {
                DelegationId = g.Key,
                Registered = g.Count(p => p.Status != ParticipantStatus.Withdrawn),
                Approved = g.Count(p => p.Status == ParticipantStatus.Approved),
            })
            .ToDictionaryAsync(x => x.DelegationId, cancellationToken);

        var attendance = await (
            from a in db.Attendance.AsNoTracking()
            where a.Status == AttendanceStatus.Present
            join p in db.Participants on a.ParticipantId equals p.Id
            join d in delegations on p.DelegationId equals d.Id
            join m in db.Meetings on a.MeetingId equals m.Id
            where m.SessionId == d.SessionId
            group a by p.DelegationId into g
            select new
            {
                DelegationId = g.Key,
                Participants = g.Select(a => a.ParticipantId).Distinct().Count(),
                Meetings = g.Select(a => a.MeetingId).Distinct().Count(),
                InTheRoom = g.Where(a => a.Mode == AttendanceMode.InPerson).Select(a => a.ParticipantId).Distinct().Count(),
                Online = g.Where(a => a.Mode == AttendanceMode.Online).Select(a => a.ParticipantId).Distinct().Count(),
            })
            .ToDictionaryAsync(x => x.DelegationId, cancellationToken);

        var oral = await (
            from i in db.Inscriptions.AsNoTracking()
            where i.Status == SpeakerStatus.Spoke && i.Kind != InscriptionKind.PointOfOrder
            join l in db.SpeakersLists on i.SpeakersListId equals l.Id
            where ids.Contains(l.SessionId)
            group i by i.DelegationId into g
            select new { DelegationId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.DelegationId, x => x.Count, cancellationToken);

        var written = await (
            from s in db.WrittenStatements.AsNoTracking()
            where s.Status == StatementStatus.Issued && ids.Contains(s.SessionId)
            group s by s.DelegationId into g
            select new { DelegationId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.DelegationId, x => x.Count, cancellationToken);

        var coSponsored = (await (
            from c in db.StatementCoSponsors.AsNoTracking()
            where c.Answer == CoSponsorAnswer.Confirmed
            join s in db.WrittenStatements on c.WrittenStatementId equals s.Id
            where s.Status == StatementStatus.Issued && ids.Contains(s.SessionId)
            group c by new { s.SessionId, c.OrganisationId } into g
            select new { g.Key.SessionId, g.Key.OrganisationId, Count = g.Count() })
            .ToListAsync(cancellationToken))
            .ToDictionary(x => (x.SessionId, x.OrganisationId), x => x.Count);

        return rows.Select(d =>
        {
            var registered = d.Status is not (RegistrationStatus.Draft or RegistrationStatus.Withdrawn);
            var people = participants.GetValueOrDefault(d.Id);
            var present = attendance.GetValueOrDefault(d.Id);
            return new DelegationParticipation(
                d.SessionId, d.Id, d.OrganisationId, d.Capacity, d.Category, d.Status,
                registered ? people?.Registered ?? 0 : 0,
                people?.Approved ?? 0,
                present?.Participants ?? 0,
                present?.Meetings ?? 0,
                oral.GetValueOrDefault(d.Id),
                written.GetValueOrDefault(d.Id),
                coSponsored.GetValueOrDefault((d.SessionId, d.OrganisationId)),
                present?.InTheRoom ?? 0,
                present?.Online ?? 0);
        }).ToList();
    }
}
