using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Notices.Reminders;

/// <summary>
/// The online-link reminder (<see cref="ReminderOccasion.OnlineMeeting"/>): its one lead time before each meeting with an
/// online link, the link goes to each approved participant attending online, in their language. Each notice is claimed by
/// an <see cref="OnlineLinkNotice"/> row (unique per participant and meeting) written in the same transaction as the
/// outbox rows, so two overlapping runs send it once; a participant approved, or a link set, later still gets it before
/// the meeting ends.
/// </summary>
public static class SendOnlineLinks
{
    public sealed class Handler(SessionsDbContext db, NoticeWriter writer, TimeProvider clock, PublicLinks links, ILogger<Handler> logger)
    {
        /// <summary>The recurring sweep: every meeting whose link is due, in sessions whose online-link reminder is on.</summary>
        [AutomaticRetry(Attempts = 0)]
        public async Task<int> SendDueAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var reminders = await db.Reminders.AsNoTracking().Include(r => r.Schedule)
                .Where(r => r.Occasion == ReminderOccasion.OnlineMeeting && r.IsOn)
                .ToListAsync(cancellationToken);
            var sent = 0;
            foreach (var reminder in reminders)
            {
                if (reminder.OnlineLinkLeadTime is not { } lead)
                {
                    continue;
                }

                var latestStart = now + lead;
                var meetings = await db.Meetings.AsNoTracking()
                    .Where(m => m.SessionId == reminder.SessionId && m.OnlineLink != null && m.StartsAt <= latestStart && m.EndsAt > now)
                    .Select(m => m.Id)
                    .ToListAsync(cancellationToken);
                foreach (var meetingId in meetings)
                {
                    sent += await SendAsync(meetingId, lead, cancellationToken);
                }
            }

            return sent;
        }

        /// <summary>Sends the meeting's link to those attending online who have not had it; returns how many notices it wrote.</summary>
        public async Task<int> SendAsync(int meetingId, TimeSpan leadTime, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
            if (meeting is null || !OnlineLinkNotice.IsDue(meeting, leadTime, now))
            {
                return 0;
            }

            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == meeting.SessionId, cancellationToken);
            var recipients = await (
                    from d in db.Delegations
                    where d.SessionId == session.Id && d.Status == RegistrationStatus.Approved
                    from p in d.Participants
                    where p.Status == ParticipantStatus.Approved && p.Attendance == AttendanceMode.Online && p.BadgeRevokedAt == null
                        && !db.OnlineLinkNotices.Any(n => n.ParticipantId == p.Id && n.MeetingId == meetingId)
                    orderby p.Id
                    select new { p.Id, p.Email, Name = p.GivenName + " " + p.FamilyName, p.PreferredLanguage, d.OrganisationId })
                .AsNoTracking().ToListAsync(cancellationToken);
            recipients = recipients.Where(r => !string.IsNullOrWhiteSpace(r.Email)).ToList();
            if (recipients.Count == 0)
            {
                return 0;
            }

            // The claim first: a run that overlaps this one and wrote the same rows makes this one write nothing.
            db.OnlineLinkNotices.AddRange(recipients.Select(r => new OnlineLinkNotice(r.Id, meetingId, now)));
            try
            {
                await db.SaveChangesExpectingCollisionAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return 0;
            }

            var organisationIds = recipients.Select(r => r.OrganisationId).Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking().Include(o => o.Names)
                .Where(o => organisationIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, cancellationToken);
            var sessionValues = NoticeValues.ForSession(session, $"{links.Root}/sessions/{session.Id}");
            var rows = recipients.Select(r => writer.Render(r.Email, r.Name.Trim(), r.PreferredLanguage, NoticeKinds.OnlineLinkReminder, sessionValues.With(new NoticeValues
            {
                { "OrganisationName", new NoticeValue.PerLanguage(organisations[r.OrganisationId].DisplayName) },
                { "MeetingNumber", meeting.Number },
                { "MeetingStartsAt", new NoticeValue.Instant(meeting.StartsAt, session.TimeZoneId) },
                { "MeetingEndsAt", new NoticeValue.Instant(meeting.EndsAt, session.TimeZoneId) },
                { "OnlineLink", new NoticeValue.Link(meeting.OnlineLink!) },
            }))).ToList();
            await writer.InsertManyAsync(rows, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            logger.LogInformation("Online link of meeting {MeetingId} of session {SessionId} sent to {Count} participants.", meetingId, session.Id, rows.Count);
            return rows.Count;
        }
    }
}
