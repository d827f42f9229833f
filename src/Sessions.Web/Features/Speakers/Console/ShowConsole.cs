using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Speakers.Console;

/// <summary>
/// The secretariat's console for one speakers list: every entry in speaking order with the speaker who has the
/// floor and the timer as the server holds it. The whole list is shown (no pages): the room works through all of it.
/// </summary>
public static class ShowConsole
{
    /// <summary>An entry as the console shows it; carries what <see cref="SpeakersOrder"/> needs so the order is the list's own.</summary>
    public sealed record Entry : ISpeakerEntry
    {
        public int Id { get; init; }
        public InscriptionKind Kind { get; init; }
        public Capacity Capacity { get; init; }
        public LevelOfRepresentation Level { get; init; }
        public ReplyRound? ReplyRound { get; init; }
        public DateTime InscribedAt { get; init; }
        public SpeakerStatus Status { get; init; }
        public DateTime? CalledAt { get; init; }
        public int? ManualPosition { get; init; }
        public DateTime? MovedAt { get; init; }
        public string Delegation { get; init; } = "";
        public string? Speaker { get; init; }
        public string? GroupName { get; init; }
        public int? SpokeForSeconds { get; init; }
        public bool HasStatement { get; init; }
    }

    /// <summary>One line of the console: its place on the whole list (1 = top), the time limit the speaker gets, the time of inscription at the venue.</summary>
    public sealed record Row(int Place, Entry Entry, TimeSpan? TimeLimit, DateTime InscribedAtLocal)
    {
        public bool IsWaiting => Entry.Status == SpeakerStatus.Waiting;

        /// <summary>Only a waiting entry's manual place matters: once called, every entry keeps the place it was called from.</summary>
        public bool IsMoved => IsWaiting && Entry.ManualPosition is not null;
    }

    /// <summary>The speaker who has the floor and the timer at the moment the page was made.</summary>
    public sealed record Floor(Row Row, SpeakingClock Clock)
    {
        public bool HasStarted => Clock.IsRunning || Clock.Elapsed > TimeSpan.Zero;
    }

    public sealed record Model(
        int ListId,
        Guid Version,
        int SessionId,
        string SessionSymbol,
        string TimeZoneId,
        string AgendaItemNumber,
        TranslatedText AgendaItemTitle,
        int? MeetingNumber,
        TranslatedText? MeetingName,
        bool IsOpen,
        IReadOnlyList<Row> Rows,
        Floor? Speaking,
        int Withdrawn)
    {
        public int FirstWaitingPlace => Rows.FirstOrDefault(r => r.IsWaiting)?.Place ?? 0;

        public int LastPlace => Rows.Count;

        public bool AnyoneWaiting => Rows.Any(r => r.IsWaiting);
    }

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        /// <summary>Null when there is no such list.</summary>
        public async Task<Model?> HandleAsync(int listId, CancellationToken cancellationToken = default)
        {
            var list = await db.SpeakersLists.AsNoTracking().SingleOrDefaultAsync(l => l.Id == listId, cancellationToken);
            if (list is null)
            {
                return null;
            }

            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == list.SessionId, cancellationToken);
            var item = await db.AgendaItems.AsNoTracking().Where(a => a.Id == list.AgendaItemId)
                .Select(a => new { a.Number, a.Title }).SingleAsync(cancellationToken);
            var meeting = list.MeetingId is { } meetingId
                ? await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.Number, m.Name }).SingleAsync(cancellationToken)
                : null;

            var language = Cultures.Current;
            var entries = await db.Inscriptions.AsNoTracking()
                .Where(i => i.SpeakersListId == listId)
                .Select(i => new Entry
                {
                    Id = i.Id,
                    Kind = i.Kind,
                    Capacity = i.Capacity,
                    Level = i.Level,
                    ReplyRound = i.ReplyRound,
                    InscribedAt = i.InscribedAt,
                    Status = i.Status,
                    CalledAt = i.CalledAt,
                    ManualPosition = i.ManualPosition,
                    MovedAt = i.MovedAt,
                    GroupName = i.GroupName,
                    SpokeForSeconds = i.SpokeForSeconds,
                    HasStatement = i.StatementFileId != null,
                    Delegation = db.Delegations.Where(d => d.Id == i.DelegationId)
                        .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => o)
                        .Select(o => o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name)
                        .FirstOrDefault() ?? "",
                    Speaker = db.Participants.Where(p => p.Id == i.SpeakerParticipantId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);

            var rows = SpeakersOrder.Arrange(entries)
                .Select((entry, index) => new Row(index + 1, entry, list.TimeLimitFor(entry), session.ToLocal(entry.InscribedAt)))
                .ToList();

            Floor? speaking = null;
            if (rows.FirstOrDefault(r => r.Entry.Status == SpeakerStatus.Speaking) is { } current)
            {
                var inscription = await db.Inscriptions.AsNoTracking().SingleAsync(i => i.Id == current.Entry.Id, cancellationToken);
                speaking = new Floor(current, inscription.ClockAt(clock.GetUtcNow().UtcDateTime));
            }

            return new Model(
                list.Id,
                list.Version,
                session.Id,
                session.Symbol,
                session.TimeZoneId,
                item.Number,
                item.Title,
                meeting?.Number,
                meeting?.Name,
                list.IsOpen,
                rows,
                speaking,
                entries.Count(e => e.Status == SpeakerStatus.Withdrawn));
        }
    }
}
