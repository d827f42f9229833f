using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;

namespace Sessions.Web.Features.Speakers.Lists;

/// <summary>The secretariat's page of a session's speakers lists, with the form that opens a new one.</summary>
public static class ListSpeakersLists
{
    public sealed record Row(int Id, string AgendaItemNumber, TranslatedText AgendaItemTitle, int? MeetingNumber, TranslatedText? MeetingName, bool IsOpen, DateTime? OpensAt, DateTime? ClosesAt, int Waiting, int Done);

    public sealed record Choice(int Id, string Label);

    public sealed record Model(
        int SessionId,
        string Symbol,
        TranslatedText Title,
        string TimeZoneId,
        DateTime? SessionOpensAt,
        DateTime? SessionClosesAt,
        IReadOnlyList<Row> Lists,
        IReadOnlyList<Choice> AgendaItems,
        IReadOnlyList<Choice> Meetings)
    {
        /// <summary>What the secretariat chose in the form, kept when it is shown again after a refusal.</summary>
        public CreateSpeakersList.Command Form { get; init; } = new();
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when the session does not exist. A session has one list per agenda item (and meeting): no paging needed.</summary>
        public async Task<Model?> HandleAsync(int sessionId)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId);
            if (session is null)
            {
                return null;
            }

            var lists = await (
                from l in db.SpeakersLists.AsNoTracking()
                where l.SessionId == sessionId
                join a in db.AgendaItems on l.AgendaItemId equals a.Id
                orderby a.Sequence, l.MeetingId != null, l.MeetingId
                select new
                {
                    l.Id,
                    a.Number,
                    a.Title,
                    l.MeetingId,
                    l.IsOpen,
                    l.InscriptionOpensAt,
                    l.InscriptionClosesAt,
                    Waiting = l.Inscriptions.Count(i => i.Status == SpeakerStatus.Waiting),
                    Done = l.Inscriptions.Count(i => i.Status == SpeakerStatus.Spoke || i.Status == SpeakerStatus.Skipped),
                }).ToListAsync();
            var items = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence)
                .Select(a => new { a.Id, a.Number, a.Title }).ToListAsync();
            var meetings = await db.Meetings.AsNoTracking().Where(m => m.SessionId == sessionId).OrderBy(m => m.Number)
                .Select(m => new { m.Id, m.Number, m.Name, m.StartsAt }).ToListAsync();
            var meetingsById = meetings.ToDictionary(m => m.Id);
            return new Model(
                session.Id,
                session.Symbol,
                session.Title,
                session.TimeZoneId,
                session.ToLocal(session.InscriptionOpensAt),
                session.ToLocal(session.InscriptionClosesAt),
                lists.Select(l => new Row(l.Id, l.Number, l.Title, l.MeetingId is { } m ? meetingsById[m].Number : null, l.MeetingId is { } n ? meetingsById[n].Name : null, l.IsOpen, session.ToLocal(l.InscriptionOpensAt), session.ToLocal(l.InscriptionClosesAt), l.Waiting, l.Done)).ToList(),
                items.Select(a => new Choice(a.Id, $"{a.Number}. {a.Title}")).ToList(),
                meetings.Select(m => new Choice(m.Id, $"{Meeting.Titled(m.Number.ToString(CultureInfo.CurrentCulture), m.Name)} · {session.ToLocal(m.StartsAt):g}")).ToList());
        }
    }
}
