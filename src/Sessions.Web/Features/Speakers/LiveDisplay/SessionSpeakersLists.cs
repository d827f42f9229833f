using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Speakers;

namespace Sessions.Web.Features.Speakers.LiveDisplay;

/// <summary>The public index of a published session's speakers lists, in agenda order, each linking to its live display.</summary>
public static class SessionSpeakersLists
{
    public sealed record Row(int ListId, int AgendaItemId, string AgendaItemNumber, TranslatedText AgendaItemTitle, int? MeetingNumber, bool IsOpen, int Waiting, bool SomeoneSpeaking)
    {
        public TranslatedText? MeetingName { get; init; }
    }

    public sealed record Model(int SessionId, string SessionSymbol, TranslatedText SessionTitle, IReadOnlyList<Row> Lists);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such published session.</summary>
        public async Task<Model?> HandleAsync(int sessionId, bool includeUnpublished, CancellationToken cancellationToken)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId && (s.IsPublished || includeUnpublished))
                .Select(s => new { s.Id, s.Symbol, s.Title }).SingleOrDefaultAsync(cancellationToken);
            if (session is null)
            {
                return null;
            }

            var lists = await (
                    from l in db.SpeakersLists
                    join a in db.AgendaItems on l.AgendaItemId equals a.Id
                    where l.SessionId == sessionId
                    let meeting = db.Meetings.Where(m => m.Id == l.MeetingId).Select(m => (int?)m.Number).FirstOrDefault()
                    orderby a.Sequence, meeting, l.Id
                    select new Row(
                        l.Id,
                        a.Id,
                        a.Number,
                        a.Title,
                        meeting,
                        l.IsOpen,
                        l.Inscriptions.Count(i => i.Status == SpeakerStatus.Waiting),
                        l.Inscriptions.Any(i => i.Status == SpeakerStatus.Speaking)))
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            var names = await db.Meetings.AsNoTracking().Where(m => m.SessionId == sessionId && m.Name != null)
                .Select(m => new { m.Number, m.Name }).ToDictionaryAsync(m => m.Number, m => m.Name, cancellationToken);
            return new Model(session.Id, session.Symbol, session.Title, lists.Select(l => l with { MeetingName = l.MeetingNumber is { } n ? names.GetValueOrDefault(n) : null }).ToList());
        }
    }
}
