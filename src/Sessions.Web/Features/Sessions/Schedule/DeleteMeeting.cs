using Sessions.Core.Data;

namespace Sessions.Web.Features.Sessions.Schedule;

public static class DeleteMeeting
{
    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>False when the session does not exist.</summary>
        public async Task<bool> HandleAsync(int sessionId, int meetingId)
        {
            var session = await ManageSession.LoadForChangeAsync(db, sessionId);
            if (session is null)
            {
                return false;
            }

            session.RemoveMeeting(meetingId);
            await db.SaveChangesAsync();
            return true;
        }
    }
}
