using Sessions.Core.Data;

namespace Sessions.Web.Features.Sessions.Schedule;

/// <summary>Moves an agenda item up or down, or deletes it.</summary>
public static class ChangeAgenda
{
    public enum Change
    {
        MoveUp,
        MoveDown,
        Delete,
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>False when the session does not exist.</summary>
        public async Task<bool> HandleAsync(int sessionId, int itemId, Change change)
        {
            var session = await ManageSession.LoadForChangeAsync(db, sessionId);
            if (session is null)
            {
                return false;
            }

            switch (change)
            {
                case Change.MoveUp:
                    session.MoveAgendaItem(itemId, up: true);
                    break;
                case Change.MoveDown:
                    session.MoveAgendaItem(itemId, up: false);
                    break;
                case Change.Delete:
                    session.RemoveAgendaItem(itemId);
                    break;
            }

            await db.SaveChangesAsync();
            return true;
        }
    }
}
