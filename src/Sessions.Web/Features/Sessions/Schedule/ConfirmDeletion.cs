using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Sessions.Schedule;

/// <summary>What deleting an agenda item or a meeting will do; a meeting takes its attendance records with it.</summary>
public static class ConfirmDeletion
{
    public sealed class Handler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        public async Task<Confirmation?> AgendaItemAsync(int sessionId, int itemId)
        {
            var item = await db.AgendaItems.AsNoTracking().Where(a => a.Id == itemId && a.SessionId == sessionId)
                .Select(a => new { a.Number, a.Title }).SingleOrDefaultAsync();
            return item is null ? null : new Confirmation(
                t["Delete agenda item {0}?", item.Number],
                [t["\"{0}\" will be removed from the agenda of the session.", item.Title]],
                t["Delete the agenda item"],
                $"/sessions/manage/{sessionId}#agenda");
        }

        public async Task<Confirmation?> MeetingAsync(int sessionId, int meetingId)
        {
            var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && m.SessionId == sessionId)
                .Select(m => new { m.Number, Attendance = db.Attendance.Count(a => a.MeetingId == m.Id) }).SingleOrDefaultAsync();
            return meeting is null ? null : new Confirmation(
                t["Delete meeting {0}?", meeting.Number],
                [
                    t["The meeting will be removed from the programme of the session."],
                    t.Plural("The {0} attendance records of this meeting will be erased.", meeting.Attendance),
                ],
                t["Delete the meeting"],
                $"/sessions/manage/{sessionId}#meetings");
        }
    }
}
