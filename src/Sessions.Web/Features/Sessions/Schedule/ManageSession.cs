using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Sessions;

namespace Sessions.Web.Features.Sessions.Schedule;

/// <summary>One session as the secretariat works on it: its particulars, agenda and meetings.</summary>
public static class ManageSession
{
    public sealed record AgendaRow(int Id, string Number, TranslatedText Title);

    public sealed record MeetingRow(int Id, int Number, TranslatedText? Name, DateTime StartsAt, DateTime EndsAt, string? Room);

    public sealed record Model(
        int Id,
        int BodyId,
        TranslatedText BodyName,
        string Symbol,
        TranslatedText Title,
        TranslatedText Venue,
        string TimeZoneId,
        DateOnly OpensOn,
        DateOnly ClosesOn,
        bool IsPublished,
        int ObserverQuota,
        IReadOnlyList<(string Label, DateTime? Local)> Deadlines,
        IReadOnlyList<AgendaRow> AgendaItems,
        IReadOnlyList<MeetingRow> Meetings);

    public sealed class Handler(SessionsDbContext db)
    {
        public async Task<Model?> HandleAsync(int id)
        {
            var s = await db.Sessions.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new
                {
                    x.Id,
                    x.BodyId,
                    BodyName = x.Body!.Name,
                    BodyQuota = x.Body.ObserverQuotaPerOrganisation,
                    x.Symbol,
                    x.Title,
                    x.Venue,
                    x.TimeZoneId,
                    x.OpensOn,
                    x.ClosesOn,
                    x.IsPublished,
                    x.ObserverQuotaOverride,
                    x.NominationDeadline,
                    x.RegistrationDeadline,
                    x.StatementDeadline,
                    x.InscriptionOpensAt,
                    x.InscriptionClosesAt,
                })
                .SingleOrDefaultAsync();
            if (s is null)
            {
                return null;
            }

            DateTime? Local(DateTime? utc) => utc is null ? null : VenueClock.ToLocal(utc.Value, s.TimeZoneId);

            var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == id).OrderBy(a => a.Sequence)
                .Select(a => new AgendaRow(a.Id, a.Number, a.Title)).ToListAsync();
            var meetings = (await db.Meetings.AsNoTracking().Where(m => m.SessionId == id).OrderBy(m => m.Number)
                    .Select(m => new { m.Id, m.Number, m.Name, m.StartsAt, m.EndsAt, m.Room }).ToListAsync())
                .Select(m => new MeetingRow(m.Id, m.Number, m.Name, Local(m.StartsAt)!.Value, Local(m.EndsAt)!.Value, m.Room))
                .ToList();

            return new Model(
                s.Id,
                s.BodyId,
                s.BodyName,
                s.Symbol,
                s.Title,
                s.Venue,
                s.TimeZoneId,
                s.OpensOn,
                s.ClosesOn,
                s.IsPublished,
                s.ObserverQuotaOverride ?? s.BodyQuota,
                [
                    ("Nomination deadline", Local(s.NominationDeadline)),
                    ("Registration deadline", Local(s.RegistrationDeadline)),
                    ("Written statements deadline", Local(s.StatementDeadline)),
                    ("Speaker inscription opens", Local(s.InscriptionOpensAt)),
                    ("Speaker inscription closes", Local(s.InscriptionClosesAt)),
                ],
                agenda,
                meetings);
        }
    }

    /// <summary>Loads a session with its agenda and meetings, to change them through the entity's rules.</summary>
    public static Task<Session?> LoadForChangeAsync(SessionsDbContext db, int id) =>
        db.Sessions.Include(s => s.AgendaItems).Include(s => s.Meetings).AsSplitQuery().SingleOrDefaultAsync(s => s.Id == id);

    /// <summary>The same, untracked: for forms that need the entity's time-zone rules but change nothing.</summary>
    public static Task<Session?> LoadForReadingAsync(SessionsDbContext db, int id) =>
        db.Sessions.AsNoTracking().Include(s => s.Meetings).SingleOrDefaultAsync(s => s.Id == id);
}
