using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Sessions;

namespace Sessions.Web.Features.Sessions.Schedule;

/// <summary>A published session as the public reads it: agenda and meetings in the venue's local time.</summary>
public static class ShowSession
{
    public sealed record AgendaRow(string Number, string Title);

    public sealed record MeetingRow(int Number, DateTime StartsAt, DateTime EndsAt, string? Room);

    public sealed record Model(
        int Id,
        string Symbol,
        string Title,
        string BodyName,
        string Venue,
        string TimeZoneId,
        string UtcOffset,
        DateOnly OpensOn,
        DateOnly ClosesOn,
        IReadOnlyList<AgendaRow> AgendaItems,
        IReadOnlyList<MeetingRow> Meetings);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such published session.</summary>
        public async Task<Model?> HandleAsync(int id)
        {
            var s = await db.Sessions.AsNoTracking().Where(x => x.Id == id && x.IsPublished)
                .Select(x => new { x.Id, x.Symbol, x.Title, BodyName = x.Body!.Name, x.Venue, x.TimeZoneId, x.OpensOn, x.ClosesOn })
                .SingleOrDefaultAsync();
            if (s is null)
            {
                return null;
            }

            var zone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZoneId);
            var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == id).OrderBy(a => a.Sequence)
                .Select(a => new AgendaRow(a.Number, a.Title)).ToListAsync();
            var meetings = (await db.Meetings.AsNoTracking().Where(m => m.SessionId == id).OrderBy(m => m.StartsAt).ThenBy(m => m.Number)
                    .Select(m => new { m.Number, m.StartsAt, m.EndsAt, m.Room }).ToListAsync())
                .Select(m => new MeetingRow(m.Number, VenueClock.ToLocal(m.StartsAt, s.TimeZoneId), VenueClock.ToLocal(m.EndsAt, s.TimeZoneId), m.Room))
                .ToList();
            var offset = zone.GetUtcOffset(s.OpensOn.ToDateTime(new TimeOnly(12, 0)));
            var utcOffset = $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
            return new Model(s.Id, s.Symbol, s.Title, s.BodyName, s.Venue, s.TimeZoneId, utcOffset, s.OpensOn, s.ClosesOn, agenda, meetings);
        }
    }
}
