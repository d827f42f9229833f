using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Speakers;

namespace Sessions.Web.Features.Speakers.Lists;

/// <summary>
/// Opens a speakers list on an agenda item of the session, for the whole item or for one meeting. Its inscription
/// window starts as the session's speaker inscription window; the settings page changes it.
/// </summary>
public static class CreateSpeakersList
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Choose the agenda item.")]
        [Display(Name = "Agenda item")]
        public int? AgendaItemId { get; set; }

        [Display(Name = "Meeting")]
        public int? MeetingId { get; set; }
    }

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        /// <summary>The new list's id; null when the session, or the agenda item or meeting within it, does not exist.</summary>
        public async Task<int?> HandleAsync(int sessionId, Command command)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId);
            if (session is null
                || !await db.AgendaItems.AnyAsync(a => a.Id == command.AgendaItemId && a.SessionId == sessionId)
                || (command.MeetingId is { } meetingId && !await db.Meetings.AnyAsync(m => m.Id == meetingId && m.SessionId == sessionId)))
            {
                return null;
            }

            if (await db.SpeakersLists.AnyAsync(l => l.AgendaItemId == command.AgendaItemId && l.MeetingId == command.MeetingId))
            {
                throw AlreadyExists();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var list = new SpeakersList(sessionId, command.AgendaItemId!.Value, command.MeetingId, now);
            list.SetInscriptionWindow(session.InscriptionOpensAt, session.InscriptionClosesAt, now);
            db.SpeakersLists.Add(list);
            try
            {
                await db.SaveChangesExpectingCollisionAsync();
            }
            catch (DbUpdateException)
            {
                // Two of the secretariat opened the same list at once: the unique index kept one.
                throw AlreadyExists();
            }

            return list.Id;
        }

        private static DomainException AlreadyExists() =>
            new("This agenda item already has a speakers list for this meeting (or for the whole item).");
    }
}
