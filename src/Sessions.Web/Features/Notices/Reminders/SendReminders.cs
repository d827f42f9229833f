using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Features.Notices.Reminders;

/// <summary>
/// Sends a due reminder to those who still have something to do. The reminder is claimed (a conditional
/// UPDATE sets its SentAt) in the same transaction as its outbox rows, so it goes out once even when its
/// scheduled job and the sweep run at the same time, and not at all if writing the notices fails.
/// </summary>
public static class SendReminders
{
    /// <summary>One recipient: the address, the name and language, the organisation named in the notice and the link to act on.</summary>
    public sealed record Recipient(string Email, string? Name, string Language, int OrganisationId, string ActionPath);

    public sealed class Handler(SessionsDbContext db, NoticeWriter writer, TimeProvider clock, PublicLinks links, ILogger<Handler> logger)
    {
        /// <summary>The recurring sweep: every reminder due and not sent (the in-memory job storage forgets schedules at a restart).</summary>
        [AutomaticRetry(Attempts = 0)]
        public async Task<int> SendDueAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;

            // Deadlines that passed before their reminder could go out: nothing to remind of any more.
            await db.ScheduledReminders
                .Where(s => s.SentAt == null && !s.Skipped && s.DeadlineAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Skipped, true), cancellationToken);

            // The latest due first: an earlier reminder before the same deadline that is also due is then skipped, not sent too.
            var due = await db.ScheduledReminders.AsNoTracking()
                .Where(s => s.SentAt == null && !s.Skipped && s.DueAt <= now && s.DeadlineAt > now && s.Reminder!.IsOn)
                .OrderByDescending(s => s.DueAt)
                .Select(s => s.Id)
                .ToListAsync(cancellationToken);
            var sent = 0;
            foreach (var id in due)
            {
                sent += await SendAsync(id, cancellationToken) is null ? 0 : 1;
            }

            return sent;
        }

        /// <summary>Sends the reminder if it is due and not sent yet; returns how many notices it wrote, or null when it was not this run's to send.</summary>
        [AutomaticRetry(Attempts = 3)]
        public async Task<int?> SendAsync(int scheduledReminderId, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // The claim: of two runs, only one changes the row. Not while a later reminder before the same deadline is due too.
            var claimed = await db.ScheduledReminders
                .Where(s => s.Id == scheduledReminderId && s.SentAt == null && !s.Skipped && s.DueAt <= now && s.DeadlineAt > now && s.Reminder!.IsOn
                    && !db.ScheduledReminders.Any(o => o.ReminderId == s.ReminderId && o.Id != s.Id && o.SentAt == null && !o.Skipped && o.DueAt > s.DueAt && o.DueAt <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SentAt, now), cancellationToken);
            if (claimed == 0)
            {
                return null;
            }

            var scheduled = await db.ScheduledReminders.AsNoTracking().Include(s => s.Reminder).SingleAsync(s => s.Id == scheduledReminderId, cancellationToken);
            var reminder = scheduled.Reminder!;
            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == reminder.SessionId, cancellationToken);

            // Earlier reminders before the same deadline that never went out are overtaken by this one.
            await db.ScheduledReminders
                .Where(s => s.ReminderId == reminder.Id && s.SentAt == null && !s.Skipped && s.DueAt < scheduled.DueAt)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Skipped, true), cancellationToken);

            var recipients = await AudienceAsync(session.Id, reminder.Occasion, cancellationToken);
            var organisationIds = recipients.Select(r => r.OrganisationId).Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking().Include(o => o.Names)
                .Where(o => organisationIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, cancellationToken);

            var root = links.Root;
            var sessionValues = NoticeValues.ForSession(session, $"{root}/sessions/{session.Id}");
            var kind = KindOf(reminder.Occasion);
            var rows = recipients.Select(r =>
            {
                var organisation = organisations[r.OrganisationId];
                return writer.Render(r.Email, r.Name, r.Language, kind, sessionValues.With(new NoticeValues
                {
                    { "OrganisationName", new NoticeValue.PerLanguage(organisation.DisplayName) },
                    { "ActionLink", new NoticeValue.Link(root + r.ActionPath) },
                }));
            }).ToList();
            await writer.InsertManyAsync(rows, cancellationToken);

            await db.ScheduledReminders.Where(s => s.Id == scheduledReminderId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RecipientCount, rows.Count), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Reminder {Kind} of session {SessionId} ({Lead} before) sent to {Count} recipients.", kind.Key, session.Id, scheduled.LeadTime, rows.Count);
            return rows.Count;
        }

        public static NoticeKind KindOf(ReminderOccasion occasion) => occasion switch
        {
            ReminderOccasion.NominationDeadline => NoticeKinds.NominationDeadlineReminder,
            ReminderOccasion.RegistrationDeadline => NoticeKinds.RegistrationDeadlineReminder,
            ReminderOccasion.StatementDeadline => NoticeKinds.StatementDeadlineReminder,
            ReminderOccasion.Opening => NoticeKinds.OpeningReminder,
            ReminderOccasion.OnlineMeeting => NoticeKinds.OnlineLinkReminder,
            _ => throw new ArgumentOutOfRangeException(nameof(occasion)),
        };

        /// <summary>
        /// Those who still have something to do, one notice per address and organisation:
        /// before nominations close, the focal points of organisations whose delegation is still a draft;
        /// before registration closes, participants nominated who have not confirmed (in a delegation still in the running);
        /// before written statements are due, the focal points of approved delegations whose organisation has not submitted one (withdrawn ones do not count);
        /// before the opening, approved participants, with their badge.
        /// </summary>
        public async Task<List<Recipient>> AudienceAsync(int sessionId, ReminderOccasion occasion, CancellationToken cancellationToken)
        {
            var delegations = db.Delegations.Where(d => d.SessionId == sessionId);
            List<Recipient> found = occasion switch
            {
                ReminderOccasion.NominationDeadline => await FocalPointsOf(delegations.Where(d => d.Status == RegistrationStatus.Draft), cancellationToken),
                ReminderOccasion.StatementDeadline => await FocalPointsOf(
                    delegations.Where(d => d.Status == RegistrationStatus.Approved
                        && !db.WrittenStatements.Any(s => s.SessionId == sessionId && s.OrganisationId == d.OrganisationId && s.Status != StatementStatus.Withdrawn)),
                    cancellationToken,
                    $"/statements/new?sessionId={sessionId}"),
                ReminderOccasion.RegistrationDeadline => await (
                    from d in delegations
                    where d.Status != RegistrationStatus.Withdrawn && d.Status != RegistrationStatus.Rejected
                    from p in d.Participants
                    where p.Status == ParticipantStatus.Nominated
                    orderby p.Id
                    select new Recipient(p.Email, p.GivenName + " " + p.FamilyName, p.PreferredLanguage, d.OrganisationId, "/participants/confirm/" + p.ConfirmationToken))
                    .AsNoTracking().ToListAsync(cancellationToken),
                ReminderOccasion.Opening => await (
                    from d in delegations
                    from p in d.Participants
                    where p.Status == ParticipantStatus.Approved && p.BadgeToken != null && p.BadgeRevokedAt == null
                    orderby p.Id
                    select new Recipient(p.Email, p.GivenName + " " + p.FamilyName, p.PreferredLanguage, d.OrganisationId, "/badges/" + p.BadgeToken))
                    .AsNoTracking().ToListAsync(cancellationToken),

                // Sent per meeting by SendOnlineLinks, never by a schedule's claim.
                ReminderOccasion.OnlineMeeting => [],
                _ => throw new ArgumentOutOfRangeException(nameof(occasion)),
            };

            return found
                .Where(r => !string.IsNullOrWhiteSpace(r.Email))
                .DistinctBy(r => (r.Email.Trim().ToUpperInvariant(), r.OrganisationId))
                .ToList();
        }

        private Task<List<Recipient>> FocalPointsOf(IQueryable<Delegation> delegations, CancellationToken cancellationToken, string? actionPath = null) => (
            from d in delegations
            join f in db.FocalPoints on d.OrganisationId equals f.OrganisationId
            where f.Status == FocalPointStatus.Approved
            join u in db.Users on f.UserId equals u.Id
            where u.IsActive && u.Email != null
            orderby d.Id, u.Id
            select new Recipient(u.Email!, u.FullName, u.PreferredLanguage, d.OrganisationId, actionPath ?? "/delegations/" + d.Id))
            .AsNoTracking().ToListAsync(cancellationToken);
    }
}
