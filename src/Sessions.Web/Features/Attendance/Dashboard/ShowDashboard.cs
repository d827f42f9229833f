using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Attendance;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;
using Sessions.Core.Statements;
using Sessions.Web.Infrastructure.Charts;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Attendance.Dashboard;

/// <summary>
/// Where a session stands, for the secretariat: registrations by capacity and status, check-ins per meeting, the
/// speakers so far, the written statements and the headline figures of <see cref="Participation"/>. Every figure is
/// counted by the database in a grouped query, so a session of a hundred thousand participants reads a few hundred
/// numbers, never its rows.
/// </summary>
public static class ShowDashboard
{
    public sealed record CapacityCount<TStatus>(Capacity Capacity, TStatus Status, int Count)
        where TStatus : struct, Enum;

    /// <summary>A meeting's check-ins among the session's approved participants.</summary>
    public sealed record MeetingCheckIns(int MeetingId, int Number, DateTime StartsAt, DateTime EndsAt, bool InProgress, int Present, int Excused, int Absent, int NotRecorded);

    public sealed record AgendaItemSpeakers(int AgendaItemId, string Number, TranslatedText Title, int Inscribed, int Spoke, int Speaking, int Waiting, int SpokeForSeconds);

    public sealed record StatementCount(StatementStatus Status, int Count);

    public sealed class Model
    {
        public int SessionId { get; init; }
        public string Symbol { get; init; } = "";
        public TranslatedText Title { get; init; } = null!;
        public string TimeZoneId { get; init; } = "UTC";

        /// <summary>When the figures were read, in UTC.</summary>
        public DateTime AsOf { get; init; }

        public ParticipationFigures Figures { get; init; } = ParticipationFigures.Of([]);
        public IReadOnlyList<CapacityCount<RegistrationStatus>> Delegations { get; init; } = [];
        public IReadOnlyList<CapacityCount<ParticipantStatus>> Participants { get; init; } = [];
        public int ApprovedParticipants { get; init; }
        public IReadOnlyList<MeetingCheckIns> Meetings { get; init; } = [];
        public IReadOnlyList<AgendaItemSpeakers> Speakers { get; init; } = [];
        public int TotalSpeakingSeconds { get; init; }
        public IReadOnlyList<StatementCount> Statements { get; init; } = [];

        /// <summary>The pre-session documents against their due date.</summary>
        public Documents.Manage.DocumentsDue.Status? Documents { get; init; }

        public required BarChart FiguresChart { get; init; }
        public required BarChart DelegationsChart { get; init; }
        public required BarChart ParticipantsChart { get; init; }
        public required BarChart CheckInsChart { get; init; }
        public required BarChart SpeakersChart { get; init; }
        public required BarChart StatementsChart { get; init; }
    }

    private static readonly AttendanceStatus[] _checkInStatuses = [AttendanceStatus.Present, AttendanceStatus.Excused, AttendanceStatus.Absent];

    public sealed class Handler(SessionsDbContext db, TimeProvider clock, IStringLocalizer<Text> t, Documents.Manage.DocumentsDue.Handler documentsDue)
    {
        /// <summary>Null when there is no such session.</summary>
        public async Task<Model?> HandleAsync(int sessionId, CancellationToken cancellationToken)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.Symbol, s.Title, s.TimeZoneId }).SingleOrDefaultAsync(cancellationToken);
            if (session is null)
            {
                return null;
            }

            var delegations = db.Delegations.AsNoTracking().Where(d => d.SessionId == sessionId);

            var byDelegationStatus = await delegations.GroupBy(d => new { d.Capacity, d.Status })
                .Select(g => new CapacityCount<RegistrationStatus>(g.Key.Capacity, g.Key.Status, g.Count()))
                .ToListAsync(cancellationToken);

            // The participants the secretariat has been sent: those of submitted delegations (not drafts, not withdrawn).
            var byParticipantStatus = await (
                    from p in db.Participants.AsNoTracking()
                    join d in delegations.Where(d => d.Status != RegistrationStatus.Draft && d.Status != RegistrationStatus.Withdrawn) on p.DelegationId equals d.Id
                    group p by new { d.Capacity, p.Status } into g
                    select new CapacityCount<ParticipantStatus>(g.Key.Capacity, g.Key.Status, g.Count()))
                .ToListAsync(cancellationToken);

            var approved =
                from p in db.Participants.AsNoTracking().Where(p => p.Status == ParticipantStatus.Approved)
                join d in delegations.Where(d => d.Status == RegistrationStatus.Approved) on p.DelegationId equals d.Id
                select p.Id;
            var approvedCount = await approved.CountAsync(cancellationToken);

            var meetings = await db.Meetings.AsNoTracking().Where(m => m.SessionId == sessionId)
                .OrderBy(m => m.StartsAt).ThenBy(m => m.Number)
                .Select(m => new { m.Id, m.Number, m.StartsAt, m.EndsAt })
                .ToListAsync(cancellationToken);
            var meetingIds = meetings.Select(m => m.Id).ToList();
            var checkIns = (await (
                    from a in db.Attendance.AsNoTracking()
                    where meetingIds.Contains(a.MeetingId)
                    join p in approved on a.ParticipantId equals p
                    group a by new { a.MeetingId, a.Status } into g
                    select new { g.Key.MeetingId, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken))
                .ToDictionary(x => (x.MeetingId, x.Status), x => x.Count);
            var now = clock.GetUtcNow().UtcDateTime;
            var meetingRows = meetings.Select(m =>
            {
                var counts = _checkInStatuses.Select(s => checkIns.GetValueOrDefault((m.Id, s))).ToArray();
                return new MeetingCheckIns(m.Id, m.Number, m.StartsAt, m.EndsAt, m.StartsAt <= now && now <= m.EndsAt,
                    counts[0], counts[1], counts[2], Math.Max(0, approvedCount - counts.Sum()));
            }).ToList();

            var items = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence)
                .Select(a => new { a.Id, a.Number, a.Title }).ToListAsync(cancellationToken);
            var inscriptions = await (
                    from i in db.Inscriptions.AsNoTracking()
                    join l in db.SpeakersLists.Where(l => l.SessionId == sessionId) on i.SpeakersListId equals l.Id
                    group i by new { l.AgendaItemId, i.Status } into g
                    select new { g.Key.AgendaItemId, g.Key.Status, Count = g.Count(), Seconds = g.Sum(i => i.SpokeForSeconds ?? 0) })
                .ToListAsync(cancellationToken);
            int Of(int itemId, SpeakerStatus status) => inscriptions.Where(x => x.AgendaItemId == itemId && x.Status == status).Sum(x => x.Count);
            var speakers = items
                .Select(a => new AgendaItemSpeakers(
                    a.Id,
                    a.Number,
                    a.Title,
                    inscriptions.Where(x => x.AgendaItemId == a.Id && x.Status != SpeakerStatus.Withdrawn).Sum(x => x.Count),
                    Of(a.Id, SpeakerStatus.Spoke),
                    Of(a.Id, SpeakerStatus.Speaking),
                    Of(a.Id, SpeakerStatus.Waiting),
                    inscriptions.Where(x => x.AgendaItemId == a.Id && x.Status == SpeakerStatus.Spoke).Sum(x => x.Seconds)))
                .ToList();

            var statements = await db.WrittenStatements.AsNoTracking().Where(s => s.SessionId == sessionId)
                .GroupBy(s => s.Status).Select(g => new StatementCount(g.Key, g.Count())).ToListAsync(cancellationToken);

            var figures = ParticipationFigures.Of(await Participation.OfSessionsAsync(db, [sessionId], cancellationToken));

            return new Model
            {
                SessionId = sessionId,
                Symbol = session.Symbol,
                Title = session.Title,
                TimeZoneId = session.TimeZoneId,
                AsOf = now,
                Figures = figures,
                Delegations = byDelegationStatus,
                Participants = byParticipantStatus,
                ApprovedParticipants = approvedCount,
                Meetings = meetingRows,
                Speakers = speakers,
                TotalSpeakingSeconds = speakers.Sum(s => s.SpokeForSeconds),
                Statements = statements,
                Documents = await documentsDue.HandleAsync(sessionId, cancellationToken),
                FiguresChart = FiguresChart(figures),
                DelegationsChart = ByCapacity(t["Delegations by capacity and status"], byDelegationStatus),
                ParticipantsChart = ByCapacity(t["Participants by capacity and status"], byParticipantStatus),
                CheckInsChart = CheckInsChart(meetingRows),
                SpeakersChart = SpeakersChart(speakers),
                StatementsChart = new BarChart(
                    t["Written statements by status"],
                    [t["Written statements"]],
                    Enum.GetValues<StatementStatus>().Select(s => new BarChart.Row(t.For(s), [statements.Where(x => x.Status == s).Sum(x => x.Count)])).ToList()),
            };
        }

        private BarChart FiguresChart(ParticipationFigures figures) => new(
            t["Delegations and participants"],
            [t["Registered (submitted and not withdrawn)"], t["Approved by the secretariat"], t["Present at one meeting at least"]],
            [
                new BarChart.Row(t["Delegations"], [figures.DelegationsRegistered, figures.DelegationsApproved, figures.DelegationsAttended]),
                new BarChart.Row(t["Participants"], [figures.ParticipantsRegistered, figures.ParticipantsApproved, figures.ParticipantsAttended]),
            ]);

        /// <summary>Capacities in the UN order as rows, every status as a series (stacked), zeros where nothing is counted.</summary>
        private BarChart ByCapacity<TStatus>(string title, IReadOnlyList<CapacityCount<TStatus>> counts)
            where TStatus : struct, Enum
        {
            var statuses = Enum.GetValues<TStatus>();
            return new BarChart(
                title,
                statuses.Select(s => t.For(s)).ToList(),
                Enum.GetValues<Capacity>()
                    .Select(c => new BarChart.Row(t.For(c), statuses.Select(s => counts.Where(x => x.Capacity == c && x.Status.Equals(s)).Sum(x => x.Count)).ToList()))
                    .ToList(),
                Stacked: true);
        }

        private BarChart CheckInsChart(IReadOnlyList<MeetingCheckIns> meetings) => new(
            t["Check-ins per meeting"],
            [.. _checkInStatuses.Select(s => t.For(s)), t["Not recorded"]],
            meetings.Select(m => new BarChart.Row(
                    m.InProgress ? t["Meeting {0}, in progress", m.Number] : t["Meeting {0}", m.Number],
                    [m.Present, m.Excused, m.Absent, m.NotRecorded]))
                .ToList(),
            Stacked: true);

        private BarChart SpeakersChart(IReadOnlyList<AgendaItemSpeakers> items) => new(
            t["Speakers per agenda item"],
            [t.For(SpeakerStatus.Spoke), t.For(SpeakerStatus.Speaking), t.For(SpeakerStatus.Waiting)],
            items.Select(i => new BarChart.Row($"{i.Number} {i.Title}", [i.Spoke, i.Speaking, i.Waiting])).ToList(),
            Stacked: true);
    }
}
