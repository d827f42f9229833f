using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;
using Sessions.Web.Features.Registration.Delegations;

namespace Sessions.Web.Features.Sessions.Schedule;

/// <summary>A published session as the public reads it: deadlines, agenda and meetings in the venue's local time.</summary>
public static class ShowSession
{
    public sealed record AgendaRow(int Id, string Number, TranslatedText Title);

    public sealed record MeetingRow(int Number, TranslatedText? Name, DateTime StartsAt, DateTime EndsAt, string? Room);

    public sealed record Model(
        int Id,
        string Symbol,
        TranslatedText Title,
        TranslatedText BodyName,
        TranslatedText Venue,
        string TimeZoneId,
        string UtcOffset,
        DateOnly OpensOn,
        DateOnly ClosesOn,
        IReadOnlyList<AgendaRow> AgendaItems,
        IReadOnlyList<MeetingRow> Meetings)
    {
        /// <summary>The session's deadlines at the venue's clock.</summary>
        public Deadlines Deadlines { get; init; } = new(null, null, default, null, null);

        /// <summary>The delegations the signed-in focal point may register to this session (none for anyone else).</summary>
        public IReadOnlyList<RegistrationOffers.Offer> RegistrationOffers { get; init; } = [];
    }

    /// <summary>Wall-clock times at the venue; the statement deadline is the session's or the default one.</summary>
    public sealed record Deadlines(DateTime? Nomination, DateTime? Registration, DateTime Statements, DateTime? InscriptionOpens, DateTime? InscriptionCloses);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such published session.</summary>
        public async Task<Model?> HandleAsync(int id)
        {
            var s = await db.Sessions.AsNoTracking().Where(x => x.Id == id && x.IsPublished)
                .Select(x => new
                {
                    x.Id,
                    x.Symbol,
                    x.Title,
                    BodyName = x.Body!.Name,
                    x.Venue,
                    x.TimeZoneId,
                    x.OpensOn,
                    x.ClosesOn,
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

            var zone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZoneId);
            var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == id).OrderBy(a => a.Sequence)
                .Select(a => new AgendaRow(a.Id, a.Number, a.Title)).ToListAsync();
            var meetings = (await db.Meetings.AsNoTracking().Where(m => m.SessionId == id).OrderBy(m => m.StartsAt).ThenBy(m => m.Number)
                    .Select(m => new { m.Number, m.Name, m.StartsAt, m.EndsAt, m.Room }).ToListAsync())
                .Select(m => new MeetingRow(m.Number, m.Name, VenueClock.ToLocal(m.StartsAt, s.TimeZoneId), VenueClock.ToLocal(m.EndsAt, s.TimeZoneId), m.Room))
                .ToList();
            var offset = zone.GetUtcOffset(s.OpensOn.ToDateTime(new TimeOnly(12, 0)));
            var utcOffset = $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
            DateTime? Local(DateTime? utc) => utc is { } at ? VenueClock.ToLocal(at, s.TimeZoneId) : null;
            return new Model(s.Id, s.Symbol, s.Title, s.BodyName, s.Venue, s.TimeZoneId, utcOffset, s.OpensOn, s.ClosesOn, agenda, meetings)
            {
                Deadlines = new Deadlines(
                    Local(s.NominationDeadline),
                    Local(s.RegistrationDeadline),
                    VenueClock.ToLocal(StatementRules.DeadlineOf(s.StatementDeadline, s.OpensOn, s.TimeZoneId), s.TimeZoneId),
                    Local(s.InscriptionOpensAt),
                    Local(s.InscriptionClosesAt)),
            };
        }
    }
}
