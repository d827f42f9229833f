using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Forms;

namespace Sessions.Web.Features.Sessions.Schedule;

/// <summary>Adds a plenary meeting to a session or reschedules one; times are typed in the session's time zone.</summary>
public static class SaveMeeting
{
    public sealed class Command
    {
        [BindNever]
        public int SessionId { get; set; }

        [BindNever]
        public int MeetingId { get; set; }

        [BindNever]
        public string SessionSymbol { get; set; } = "";

        [BindNever]
        public string TimeZoneId { get; set; } = "";

        [Required(ErrorMessage = "Enter the meeting number.")]
        [Range(1, 10000, ErrorMessage = "{0} must be between {1} and {2}.")]
        [Display(Name = "Meeting number")]
        public int? Number { get; set; }

        [Required(ErrorMessage = "Enter when the meeting starts.")]
        [Display(Name = "Starts at")]
        public DateTime? StartsAt { get; set; }

        [Required(ErrorMessage = "Enter when the meeting ends.")]
        [Display(Name = "Ends at")]
        public DateTime? EndsAt { get; set; }

        [StringLength(100, ErrorMessage = "{0} is too long: at most {1} characters.")]
        [Display(Name = "Room")]
        public string? Room { get; set; }

        [Display(Name = "Online link")]
        public string? OnlineLink { get; set; }

        /// <summary>What the meeting is besides its number ("Opening plenary"); none when every language is left empty.</summary>
        public TranslatedTextForm Name { get; set; } = new();

        public bool HasName => Languages.All.Any(l => !string.IsNullOrWhiteSpace(Name.Written(l)));

        public TranslatedText? NameText => HasName ? Name.ToText() : null;
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>The next meeting's number and times proposed; null when the session does not exist.</summary>
        public async Task<Command?> NewAsync(int sessionId)
        {
            var session = await ManageSession.LoadForReadingAsync(db, sessionId);
            if (session is null)
            {
                return null;
            }

            var (startsAt, endsAt) = session.ProposeNextMeetingTimes();
            var room = session.Meetings.OrderBy(m => m.Number).LastOrDefault()?.Room;
            return new Command { SessionId = sessionId, SessionSymbol = session.Symbol, TimeZoneId = session.TimeZoneId, Number = session.NextMeetingNumber(), StartsAt = startsAt, EndsAt = endsAt, Room = room, Name = new TranslatedTextForm { OriginalLanguage = session.WorkingLanguage } };
        }

        public async Task<Command?> LoadAsync(int sessionId, int meetingId)
        {
            var session = await ManageSession.LoadForReadingAsync(db, sessionId);
            var meeting = session?.Meetings.FirstOrDefault(m => m.Id == meetingId);
            if (session is null || meeting is null)
            {
                return null;
            }

            return new Command
            {
                SessionId = sessionId,
                MeetingId = meetingId,
                SessionSymbol = session.Symbol,
                TimeZoneId = session.TimeZoneId,
                Number = meeting.Number,
                StartsAt = session.ToLocal(meeting.StartsAt),
                EndsAt = session.ToLocal(meeting.EndsAt),
                Room = meeting.Room,
                OnlineLink = meeting.OnlineLink,
                Name = meeting.Name is { } name ? TranslatedTextForm.From(name) : new TranslatedTextForm { OriginalLanguage = session.WorkingLanguage },
            };
        }

        /// <summary>Fills what the form shows but does not post (symbol, time zone, an existing meeting's number) after a refusal.</summary>
        public async Task DescribeAsync(Command command)
        {
            var session = await ManageSession.LoadForReadingAsync(db, command.SessionId);
            command.SessionSymbol = session?.Symbol ?? "";
            command.TimeZoneId = session?.TimeZoneId ?? "";
            if (command.MeetingId != 0)
            {
                command.Number = session?.Meetings.FirstOrDefault(m => m.Id == command.MeetingId)?.Number;
            }
        }

        /// <summary>False when the session (or the meeting being edited) does not exist.</summary>
        public async Task<bool> HandleAsync(Command command)
        {
            var session = await ManageSession.LoadForChangeAsync(db, command.SessionId);
            if (session is null || (command.MeetingId != 0 && session.Meetings.All(m => m.Id != command.MeetingId)))
            {
                return false;
            }

            var startsAt = session.ToUtc(command.StartsAt!.Value);
            var endsAt = session.ToUtc(command.EndsAt!.Value);
            var meeting = command.MeetingId == 0
                ? session.AddMeeting(command.Number!.Value, startsAt, endsAt, command.Room, command.NameText)
                : session.Meetings.Single(m => m.Id == command.MeetingId);
            if (command.MeetingId != 0)
            {
                session.RescheduleMeeting(command.MeetingId, startsAt, endsAt, command.Room, command.NameText);
            }

            meeting.SetOnlineLink(command.OnlineLink);

            await db.SaveChangesAsync();
            return true;
        }
    }
}
