using Hangfire;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Sessions;

namespace Sessions.Web.Features.Notices.Reminders;

/// <summary>
/// Keeps a session's reminders on its deadlines: due times follow a changed deadline, and each reminder
/// waiting to go out gets a Hangfire job at its due time. The job checks the database when it runs, so
/// a job left over from an older due time does nothing; the recurring sweep (<see cref="SendReminders"/>)
/// sends whatever a restart made Hangfire forget.
/// </summary>
public static class ScheduleReminders
{
    public sealed class Handler(SessionsDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
    {
        /// <summary>
        /// Moves the due times of the reminders of <paramref name="session"/> (tracked, its new deadlines set, not yet
        /// saved) in the same DbContext, so they are saved with the session.
        /// </summary>
        public async Task RescheduleAsync(Session session)
        {
            var reminders = await db.Reminders.Include(r => r.Schedule).Where(r => r.SessionId == session.Id).ToListAsync();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var reminder in reminders)
            {
                reminder.Reschedule(session, now);
            }

            Arm(reminders);
        }

        /// <summary>A Hangfire job at the due time of each reminder that is on and still to go out.</summary>
        public void Arm(IEnumerable<Reminder> reminders)
        {
            var now = clock.GetUtcNow();
            foreach (var scheduled in reminders.Where(r => r.IsOn).SelectMany(r => r.Schedule))
            {
                if (scheduled is { SentAt: null, Skipped: false, DueAt: { } due, DeadlineAt: { } deadline } && deadline > now.UtcDateTime)
                {
                    // A delay from the app's clock, not an absolute instant: the app's clock is the one the due time is read against.
                    var delay = DateTime.SpecifyKind(due, DateTimeKind.Utc) - now.UtcDateTime;
                    var reminderId = scheduled.Id;
                    jobs.Schedule<SendReminders.Handler>(h => h.SendAsync(reminderId, CancellationToken.None), delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
                }
            }
        }
    }
}
