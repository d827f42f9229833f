using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Sessions;

namespace Sessions.Web.Features.Notices.Reminders;

/// <summary>
/// A session's reminders: for each deadline and the opening, on or off and how long before, with when each
/// reminder is due (at the venue's clock) and when it went out and to how many.
/// </summary>
public static class ReminderSettings
{
    public sealed class Command
    {
        public ReminderOccasion Occasion { get; set; }

        [Display(Name = "Send reminders")]
        public bool IsOn { get; set; }

        [StringLength(100, ErrorMessage = "{0} is too long: at most {1} characters.")]
        [Display(Name = "How long before")]
        public string? LeadTimes { get; set; }

        public Guid Version { get; set; }
    }

    public sealed record ScheduledRow(TimeSpan LeadTime, DateTime? DueAt, DateTime? SentAt, int? RecipientCount, bool Skipped);

    public sealed class Occasion
    {
        public required ReminderOccasion Kind { get; init; }

        /// <summary>The deadline or opening at the venue's clock; null when the session has not set it.</summary>
        public DateTime? Deadline { get; init; }

        public required Command Form { get; set; }

        public IReadOnlyList<ScheduledRow> Schedule { get; init; } = [];

        /// <summary>For the online-link reminder: how many participants have had a meeting's link so far.</summary>
        public int LinksSent { get; init; }

        /// <summary>The refusal of the last save of this form, already in the reader's language.</summary>
        public string? Problem { get; set; }
    }

    public sealed class Model
    {
        public int SessionId { get; init; }
        public string Symbol { get; init; } = "";
        public TranslatedText Title { get; init; } = null!;
        public string TimeZoneId { get; init; } = "";
        public IReadOnlyList<Occasion> Occasions { get; init; } = [];

        /// <summary>The documents-available notice, which has no settings here but its hour: where today's stands.</summary>
        public Documents.Notice.DocumentsNoticeStatus.Model? DocumentsNotice { get; init; }
    }

    public sealed class Handler(SessionsDbContext db, ScheduleReminders.Handler schedule, TimeProvider clock, Documents.Notice.DocumentsNoticeStatus.Handler documentsNotice)
    {
        public async Task<Model?> LoadAsync(int sessionId)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId);
            if (session is null)
            {
                return null;
            }

            var reminders = await db.Reminders.AsNoTracking().Where(r => r.SessionId == sessionId)
                .Select(r => new
                {
                    r.Occasion,
                    r.IsOn,
                    r.Version,
                    Schedule = r.Schedule.OrderByDescending(s => s.LeadHours).Select(s => new { s.LeadHours, s.DueAt, s.SentAt, s.RecipientCount, s.Skipped }).ToList(),
                })
                .ToListAsync();
            var linksSent = await db.OnlineLinkNotices.CountAsync(n => db.Meetings.Any(m => m.Id == n.MeetingId && m.SessionId == sessionId));

            return new Model
            {
                SessionId = session.Id,
                Symbol = session.Symbol,
                Title = session.Title,
                TimeZoneId = session.TimeZoneId,
                Occasions = Enum.GetValues<ReminderOccasion>().Select(occasion =>
                {
                    var reminder = reminders.SingleOrDefault(r => r.Occasion == occasion);
                    var rows = reminder?.Schedule.Select(s => new ScheduledRow(TimeSpan.FromHours(s.LeadHours), session.ToLocal(s.DueAt), session.ToLocal(s.SentAt), s.RecipientCount, s.Skipped)).ToList() ?? [];
                    return new Occasion
                    {
                        Kind = occasion,
                        Deadline = session.ToLocal(Reminder.DeadlineOf(session, occasion)),
                        Schedule = occasion == ReminderOccasion.OnlineMeeting ? [] : rows,
                        LinksSent = occasion == ReminderOccasion.OnlineMeeting ? linksSent : 0,
                        Form = new Command
                        {
                            Occasion = occasion,
                            IsOn = reminder?.IsOn ?? false,
                            LeadTimes = rows.Count == 0 ? (occasion == ReminderOccasion.OnlineMeeting ? "1" : "7, 1") : Core.Sessions.LeadTimes.Format(rows.Select(r => r.LeadTime)),
                            Version = reminder?.Version ?? Guid.Empty,
                        },
                    };
                }).ToList(),
                DocumentsNotice = await documentsNotice.LoadAsync(session.Id),
            };
        }

        /// <summary>
        /// Saves one occasion's settings and arms its reminders. False when the session does not exist; throws
        /// DbUpdateConcurrencyException when someone saved these settings in between, DomainException for a bad lead time.
        /// </summary>
        public async Task<bool> SaveAsync(int sessionId, Command command)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId);
            if (session is null)
            {
                return false;
            }

            if (!Enum.IsDefined(command.Occasion))
            {
                throw new DomainException("Unknown reminder.");
            }

            var reminder = await db.Reminders.Include(r => r.Schedule).SingleOrDefaultAsync(r => r.SessionId == sessionId && r.Occasion == command.Occasion);
            if (reminder is null)
            {
                if (command.Version != Guid.Empty)
                {
                    throw new DbUpdateConcurrencyException("The reminder settings were removed in between.");
                }

                reminder = new Reminder(sessionId, command.Occasion);
                db.Reminders.Add(reminder);
            }
            else
            {
                db.Entry(reminder).Property(r => r.Version).OriginalValue = command.Version;
                reminder.Version = Guid.NewGuid();
            }

            reminder.Configure(command.IsOn, Core.Sessions.LeadTimes.Parse(command.LeadTimes), session, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            schedule.Arm([reminder]);
            return true;
        }
    }
}
