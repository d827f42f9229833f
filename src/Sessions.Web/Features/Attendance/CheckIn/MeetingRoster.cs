using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Attendance;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Attendance.CheckIn;

/// <summary>
/// A meeting's roster: every approved participant of the session's approved delegations (in the UN order of the
/// printable list), with what is recorded for the meeting, a page at a time; the secretariat ticks Present,
/// Absent or Excused one by one or for the participants it selects.
/// </summary>
public static class MeetingRoster
{
    public const int PageSize = 100;

    public sealed record Row(int ParticipantId, string Title, string GivenName, string FamilyName, ParticipantFunction Function, string Organisation, Capacity Capacity, AttendanceStatus? Status, AttendanceMethod? Method, AttendanceMode Attends, AttendanceMode? TookPart);

    public sealed record Model(int SessionId, string SessionSymbol, int MeetingId, int MeetingNumber, DateTime StartsAt, string TimeZoneId, string? Search, IReadOnlyList<Row> Rows, int Total, int Page, int Pages, IReadOnlyDictionary<AttendanceStatus, int> Counts, string? Message, bool SelfCheckInOpen, int PresentOnline = 0)
    {
        public TranslatedText? MeetingName { get; init; }
    }

    private sealed record Listed(int Id, int DelegationId, string Title, string GivenName, string FamilyName, ParticipantFunction Function, AttendanceStatus? Status, AttendanceMethod? Method, AttendanceMode Attends, AttendanceMode? TookPart)
        : IListedParticipant;

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        /// <summary>Null when the meeting is not one of the session's.</summary>
        public async Task<Model?> HandleAsync(int sessionId, int meetingId, int page, string? search, string language, string? message = null, CancellationToken cancellationToken = default)
        {
            var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && m.SessionId == sessionId)
                .Join(db.Sessions, m => m.SessionId, s => s.Id, (m, s) => new { m.Id, m.Number, m.Name, m.StartsAt, m.SelfCheckInOpen, s.Symbol, s.TimeZoneId })
                .SingleOrDefaultAsync(cancellationToken);
            if (meeting is null)
            {
                return null;
            }

            var term = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
            var participants =
                from p in db.Participants.AsNoTracking().Where(p => p.Status == ParticipantStatus.Approved)
                join d in db.Delegations.Where(d => d.SessionId == sessionId && d.Status == RegistrationStatus.Approved) on p.DelegationId equals d.Id
                join o in db.Organisations on d.OrganisationId equals o.Id
                where term == null || p.FamilyName.Contains(term) || p.GivenName.Contains(term) || o.Name.Contains(term) || o.Names.Any(n => n.Name.Contains(term))
                select p;

            // The UN order of the printable list, in the reader's language: the delegations are ordered here, then
            // only the participants of those the page spans are read.
            var counts = await participants.GroupBy(p => p.DelegationId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var collation = StringComparer.Create(CultureInfo.GetCultureInfo(language), CompareOptions.IgnoreCase);
            var delegations = (await UnOrder.ApprovedDelegations(db, sessionId, language).ToListAsync(cancellationToken))
                .Select(d => d with { Count = counts.GetValueOrDefault(d.Id) })
                .Arrange(collation);
            var total = delegations.Sum(d => d.Count);
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pages);
            var spanned = UnOrder.Page(delegations, page, PageSize);
            var ids = spanned.Select(x => x.Delegation.Id).ToList();
            var listed = (await (
                    from p in participants.Where(p => ids.Contains(p.DelegationId))
                    join a in db.Attendance.Where(a => a.MeetingId == meetingId) on p.Id equals a.ParticipantId into recorded
                    from a in recorded.DefaultIfEmpty()
                    select new Listed(p.Id, p.DelegationId, p.Title, p.GivenName, p.FamilyName, p.Function, a == null ? null : a.Status, a == null ? null : a.Method, p.Attendance, a == null ? null : a.Mode))
                    .ToListAsync(cancellationToken))
                .ToLookup(p => p.DelegationId);
            var rows = spanned
                .SelectMany(x => listed[x.Delegation.Id].InDelegationOrder(collation).Skip(x.Skip).Take(x.Take)
                    .Select(p => new Row(p.Id, p.Title, p.GivenName, p.FamilyName, p.Function, x.Delegation.Organisation, x.Delegation.Capacity, p.Status, p.Method, p.Attends, p.TookPart)))
                .ToList();
            var marked = await db.Attendance.Where(a => a.MeetingId == meetingId).GroupBy(a => a.Status)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var online = await db.Attendance.CountAsync(a => a.MeetingId == meetingId && a.Status == AttendanceStatus.Present && a.Mode == AttendanceMode.Online, cancellationToken);
            return new Model(sessionId, meeting.Symbol, meeting.Id, meeting.Number, meeting.StartsAt, meeting.TimeZoneId, term, rows, total, page, pages, marked, message, meeting.SelfCheckInOpen, online) { MeetingName = meeting.Name };
        }

        /// <summary>Opens or closes the meeting's self check-in; false when the meeting is not one of the session's.</summary>
        public async Task<bool> SetSelfCheckInAsync(int sessionId, int meetingId, bool open, CancellationToken cancellationToken = default)
        {
            var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId && m.SessionId == sessionId, cancellationToken);
            if (meeting is null)
            {
                return false;
            }

            if (open)
            {
                meeting.OpenSelfCheckIn();
            }
            else
            {
                meeting.CloseSelfCheckIn();
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        /// <summary>
        /// Records <paramref name="status"/> for the participants chosen (those not of the session's approved delegations
        /// are left out): present in the room or online as <paramref name="mode"/> says, or, when it says nothing, as each
        /// registered to attend. Returns how many were recorded, or null when the meeting is not one of the session's.
        /// </summary>
        public async Task<int?> MarkAsync(int sessionId, int meetingId, IReadOnlyCollection<int> participantIds, AttendanceStatus status, string userId, CancellationToken cancellationToken = default, AttendanceMode? mode = null)
        {
            if (!await db.Meetings.AnyAsync(m => m.Id == meetingId && m.SessionId == sessionId, cancellationToken))
            {
                return null;
            }

            var ids = participantIds.Distinct().Take(PageSize * 10).ToList();
            for (var attempt = 1; ; attempt++)
            {
                var eligible = await (
                        from p in db.Participants.Where(p => ids.Contains(p.Id) && p.Status == ParticipantStatus.Approved)
                        join d in db.Delegations.Where(d => d.SessionId == sessionId && d.Status == RegistrationStatus.Approved) on p.DelegationId equals d.Id
                        select new { p.Id, p.Attendance })
                    .ToDictionaryAsync(p => p.Id, p => p.Attendance, cancellationToken);
                var existing = await db.Attendance.Where(a => a.MeetingId == meetingId && eligible.Keys.Contains(a.ParticipantId)).ToDictionaryAsync(a => a.ParticipantId, cancellationToken);
                var now = clock.GetUtcNow().UtcDateTime;
                foreach (var (id, attends) in eligible)
                {
                    if (existing.TryGetValue(id, out var record))
                    {
                        record.Mark(status, AttendanceMethod.Roster, now, userId, mode ?? attends);
                    }
                    else
                    {
                        db.Attendance.Add(new AttendanceRecord(id, meetingId, status, AttendanceMethod.Roster, now, userId, mode ?? attends));
                    }
                }

                try
                {
                    await db.SaveChangesExpectingCollisionAsync(cancellationToken);
                    return eligible.Count;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // A door or another member of staff recorded one of them meanwhile: mark again over what is there now.
                    db.ChangeTracker.Clear();
                }
            }
        }
    }
}
