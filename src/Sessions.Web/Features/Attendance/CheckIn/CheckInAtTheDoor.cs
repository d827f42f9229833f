using Microsoft.EntityFrameworkCore;
using Sessions.Core.Attendance;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;

namespace Sessions.Web.Features.Attendance.CheckIn;

/// <summary>
/// The door of a session's meetings: a badge read (or its code typed) records its holder present at the meeting in
/// progress. A second read for the same meeting is recognised, not counted again, also when two doors read the same
/// badge at once (the attendance table keeps one record per participant and meeting).
/// </summary>
public static class CheckInAtTheDoor
{
    public sealed record MeetingChoice(int Id, int Number, DateTime StartsAt, DateTime EndsAt, string? Room, bool Open, TranslatedText? Name = null);

    /// <summary>Who holds the badge read; <see cref="PhotoUrl"/> is their grounds-pass photo, so staff see it is them.</summary>
    public sealed record Holder(CheckInOutcome Outcome, string Title, string GivenName, string FamilyName, ParticipantFunction Function, string Organisation, Capacity Capacity, string? PhotoUrl = null);

    public sealed record Model(int SessionId, string SessionSymbol, TranslatedText SessionTitle, string TimeZoneId, IReadOnlyList<MeetingChoice> Meetings, int? MeetingId, Holder? Result, DomainException? Refusal, int PresentCount);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        /// <summary>The door page for <paramref name="meetingId"/> (by default the meeting open now, else the next). Null when there is no such session.</summary>
        public Task<Model?> PageAsync(int sessionId, int? meetingId, CancellationToken cancellationToken = default) =>
            ModelAsync(sessionId, meetingId, null, null, cancellationToken);

        /// <summary>Reads <paramref name="code"/> at the door of <paramref name="meetingId"/>. Null when there is no such session.</summary>
        public async Task<Model?> ScanAsync(int sessionId, int meetingId, string? code, string userId, string language, CancellationToken cancellationToken = default)
        {
            var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId && m.SessionId == sessionId, cancellationToken);
            if (meeting is null)
            {
                return await ModelAsync(sessionId, null, null, new DomainException("Choose a meeting of this session."), cancellationToken);
            }

            // A door code is the token's beginning: the tokens from it up to the next prefix, on the token's index.
            var token = BadgeCodes.TokenOf(code);
            var doorCode = token is null ? BadgeCodes.DoorCodeOf(code) : null;
            var after = doorCode + "g";
            var holders = token is not null ? db.Participants.Where(p => p.BadgeToken == token)
                : doorCode is not null ? db.Participants.Where(p => string.Compare(p.BadgeToken, doorCode) >= 0 && string.Compare(p.BadgeToken, after) < 0)
                : db.Participants.Where(p => false);
            var candidates = await (
                    from p in holders.AsNoTracking()
                    join d in db.Delegations on p.DelegationId equals d.Id
                    join o in db.Organisations on d.OrganisationId equals o.Id
                    orderby p.Id
                    select new
                    {
                        Holder = new BadgeHolder(p.Id, d.SessionId, p.Status, d.Status, p.BadgeRevokedAt),
                        p.Title,
                        p.GivenName,
                        p.FamilyName,
                        p.Function,
                        Organisation = o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name,
                        d.Capacity,
                        p.BadgeToken,
                        HasPhoto = p.PhotoFileId != null,
                    })
                .Take(2)
                .ToListAsync(cancellationToken);
            var found = candidates.Count == 1 ? candidates[0] : null;
            try
            {
                if (candidates.Count > 1)
                {
                    throw new DomainException("More than one badge begins with this code: scan the QR code or type the whole code.");
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var outcome = await db.RecordPresenceAsync(found?.Holder.ParticipantId ?? 0, meeting.Id, existing => Presence.AtTheDoor(found?.Holder, meeting, existing, now, userId), cancellationToken);
                var holder = new Holder(outcome, found!.Title, found.GivenName, found.FamilyName, found.Function, found.Organisation, found.Capacity,
                    found.HasPhoto ? $"/badges/{found.BadgeToken}/photo.jpg" : null);
                return await ModelAsync(sessionId, meetingId, holder, null, cancellationToken);
            }
            catch (DomainException refusal)
            {
                return await ModelAsync(sessionId, meetingId, null, refusal, cancellationToken);
            }
        }

        private async Task<Model?> ModelAsync(int sessionId, int? meetingId, Holder? result, DomainException? refusal, CancellationToken cancellationToken)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new { s.Id, s.Symbol, s.Title, s.TimeZoneId }).SingleOrDefaultAsync(cancellationToken);
            if (session is null)
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var meetings = (await db.Meetings.AsNoTracking().Where(m => m.SessionId == sessionId).OrderBy(m => m.StartsAt).ToListAsync(cancellationToken))
                .Select(m => new MeetingChoice(m.Id, m.Number, m.StartsAt, m.EndsAt, m.Room, m.IsOpenForCheckInAt(now), m.Name))
                .ToList();
            var chosen = meetings.FirstOrDefault(m => m.Id == meetingId)
                ?? meetings.FirstOrDefault(m => m.Open)
                ?? meetings.FirstOrDefault(m => m.StartsAt > now);
            var present = chosen is null ? 0 : await db.Attendance.CountAsync(a => a.MeetingId == chosen.Id && a.Status == AttendanceStatus.Present, cancellationToken);
            return new Model(session.Id, session.Symbol, session.Title, session.TimeZoneId, meetings, chosen?.Id, result, refusal, present);
        }
    }
}
