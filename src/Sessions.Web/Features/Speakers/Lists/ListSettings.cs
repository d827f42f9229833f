using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;
using Sessions.Web.Infrastructure.Speakers;

namespace Sessions.Web.Features.Speakers.Lists;

/// <summary>
/// A list's settings: open or closed, the inscription window (typed in the session's time zone), the time limits and
/// how many speakers ahead a delegation is told it is about to be called. Saved over the version the form was opened on.
/// </summary>
public static class ListSettings
{
    public const string DurationPattern = @"^\s*\d{1,3}:[0-5]\d\s*$";

    public sealed class Command
    {
        [BindNever]
        public int ListId { get; set; }

        [BindNever]
        public int SessionId { get; set; }

        [BindNever]
        public string SessionSymbol { get; set; } = "";

        [BindNever]
        public string TimeZoneId { get; set; } = "";

        [BindNever]
        public AgendaItemHeading? AgendaItem { get; set; }

        [BindNever]
        public int? MeetingNumber { get; set; }

        public Guid Version { get; set; }

        [Display(Name = "Open for inscription")]
        public bool IsOpen { get; set; }

        [Display(Name = "Inscription opens at")]
        public DateTime? OpensAt { get; set; }

        [Display(Name = "Inscription closes at")]
        public DateTime? ClosesAt { get; set; }

        [Required(ErrorMessage = "Enter the time limit for {0}.")]
        [RegularExpression(DurationPattern, ErrorMessage = "Enter {0} as minutes and seconds, for example 5:00.")]
        [Display(Name = "Statement by a member")]
        public string? MemberStatement { get; set; }

        [Required(ErrorMessage = "Enter the time limit for {0}.")]
        [RegularExpression(DurationPattern, ErrorMessage = "Enter {0} as minutes and seconds, for example 5:00.")]
        [Display(Name = "Statement by an observer")]
        public string? ObserverStatement { get; set; }

        [Required(ErrorMessage = "Enter the time limit for {0}.")]
        [RegularExpression(DurationPattern, ErrorMessage = "Enter {0} as minutes and seconds, for example 5:00.")]
        [Display(Name = "First right of reply")]
        public string? FirstReply { get; set; }

        [Required(ErrorMessage = "Enter the time limit for {0}.")]
        [RegularExpression(DurationPattern, ErrorMessage = "Enter {0} as minutes and seconds, for example 5:00.")]
        [Display(Name = "Second right of reply")]
        public string? SecondReply { get; set; }

        [Required(ErrorMessage = "Enter how many speakers ahead a delegation is told it is about to be called.")]
        [Display(Name = "Tell a delegation it is about to be called when this many speakers are ahead (0: never)")]
        public int? NotifyWhenSpeakersAhead { get; set; }
    }

    /// <summary>"5:00" for 300 seconds.</summary>
    public static string Duration(int seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");

    public static TimeSpan ParseDuration(string value)
    {
        var parts = value.Trim().Split(':');
        return TimeSpan.FromMinutes(int.Parse(parts[0], CultureInfo.InvariantCulture)) + TimeSpan.FromSeconds(int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public sealed class Handler(SessionsDbContext db, SpeakersListChanges changes)
    {
        /// <summary>The list's current settings; null when there is no such list.</summary>
        public async Task<Command?> LoadAsync(int listId)
        {
            var list = await db.SpeakersLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listId);
            if (list is null)
            {
                return null;
            }

            var command = new Command
            {
                ListId = list.Id,
                Version = list.Version,
                IsOpen = list.IsOpen,
                MemberStatement = Duration(list.MemberStatementSeconds),
                ObserverStatement = Duration(list.ObserverStatementSeconds),
                FirstReply = Duration(list.FirstReplySeconds),
                SecondReply = Duration(list.SecondReplySeconds),
                NotifyWhenSpeakersAhead = list.NotifyWhenSpeakersAhead,
            };
            var session = await DescribeAsync(command);
            command.OpensAt = session.ToLocal(list.InscriptionOpensAt);
            command.ClosesAt = session.ToLocal(list.InscriptionClosesAt);
            return command;
        }

        /// <summary>Fills what the form shows but does not post (session, agenda item, time zone).</summary>
        public async Task<Core.Sessions.Session> DescribeAsync(Command command)
        {
            var list = await db.SpeakersLists.AsNoTracking().Where(l => l.Id == command.ListId)
                .Select(l => new
                {
                    l.SessionId,
                    l.AgendaItemId,
                    MeetingNumber = db.Meetings.Where(m => m.Id == l.MeetingId).Select(m => (int?)m.Number).FirstOrDefault(),
                }).SingleAsync();
            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == list.SessionId);
            command.SessionId = session.Id;
            command.SessionSymbol = session.Symbol;
            command.TimeZoneId = session.TimeZoneId;
            command.AgendaItem = await db.AgendaItems.AsNoTracking().Where(a => a.Id == list.AgendaItemId).Select(a => new AgendaItemHeading(a.Number, a.Title)).SingleAsync();
            command.MeetingNumber = list.MeetingNumber;
            return session;
        }

        /// <summary>
        /// False when there is no such list. A list changed since the form was opened throws
        /// <see cref="DbUpdateConcurrencyException"/>; a refused setting a <see cref="DomainException"/>.
        /// </summary>
        public async Task<bool> HandleAsync(Command command)
        {
            var sessionId = await db.SpeakersLists.Where(l => l.Id == command.ListId).Select(l => (int?)l.SessionId).SingleOrDefaultAsync();
            if (sessionId is null)
            {
                return false;
            }

            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
            var saved = await changes.ApplyAsync(command.ListId, command.Version, (list, now) =>
            {
                if (command.IsOpen)
                {
                    list.Open(now);
                }
                else
                {
                    list.Close(now);
                }

                list.SetInscriptionWindow(session.ToUtc(command.OpensAt), session.ToUtc(command.ClosesAt), now);
                list.SetTimeLimits(ParseDuration(command.MemberStatement!), ParseDuration(command.ObserverStatement!), ParseDuration(command.FirstReply!), ParseDuration(command.SecondReply!), now);
                list.SetAboutToBeCalledNotice(command.NotifyWhenSpeakersAhead!.Value, now);
                return true;
            }, CancellationToken.None);
            return saved;
        }
    }
}
