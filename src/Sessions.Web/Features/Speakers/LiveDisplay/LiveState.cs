using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Speakers.LiveDisplay;

/// <summary>
/// What the public live display of a speakers list shows: the speaker who has the floor with the timer as it
/// stood when the state was read (the display ticks it on from there), the next speakers and the last ones.
/// Nothing private: delegations and kinds of statement only, never a person's name, address or statement file.
/// A list is read in three queries whatever its length: its header, its entries (one AsNoTracking query, ordered
/// here by <see cref="SpeakersOrder"/>), and the names of the few delegations shown; then kept while the list's
/// version stands, so that a read costs one small query until the next change. The names come in every language,
/// so one read serves the six languages the live channel pushes. The timer is worked out when the state is described.
/// </summary>
public static class LiveState
{
    /// <summary>As many next speakers as a projector shows; the projector mode hides those that do not fit its screen.</summary>
    public const int NextCount = 12;

    /// <summary>The last seconds of a speaker's time, when the display warns that it is running out.</summary>
    public const long WarningMs = 30_000;
    public const int LastCount = 3;

    // A list read for the display is kept while its version stands (every change stamps a new one), so that hundreds
    // of displays and pollers cost one small query each. Titles and names edited elsewhere show within a few seconds.
    private static readonly TimeSpan _keepFor = TimeSpan.FromSeconds(10);

    // Keyed by database too: several hosts (the test suite) share the process.
    private static readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = 1000 });

    private static string CacheKey(SessionsDbContext db, int listId) => $"{db.Database.GetConnectionString()}|{listId}";

    /// <summary>
    /// Minutes and seconds of a timer, e.g. 04:05. A clock counting down shows a second until it is over (rounded up);
    /// one counting up (a point of order, time over) shows only the seconds gone by (rounded down). live.js does the same.
    /// </summary>
    public static string Clock(long milliseconds, bool countsUp)
    {
        var exact = Math.Abs(milliseconds) / 1000.0;
        var seconds = (long)(countsUp ? Math.Floor(exact) : Math.Ceiling(exact));
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:00}:{seconds % 60:00}");
    }

    /// <summary>What a speaker's line says under the name: kind, group and capacity, those given (live.js joins them the same way).</summary>
    public static string KindLine(string? kind, string? group, string? capacity) =>
        string.Join(" · ", new[] { kind, group, capacity }.Where(part => !string.IsNullOrEmpty(part)));

    /// <summary>The speaker's timer: <see cref="AllowedMs"/> is empty for a point of order (no limit).</summary>
    public sealed record Timer(long? AllowedMs, long ElapsedMs, bool Running)
    {
        public bool IsOver => AllowedMs is { } allowed && ElapsedMs > allowed;

        /// <summary>Started, not over, and at most <see cref="WarningMs"/> left (live.js decides the same way).</summary>
        public bool IsEnding => AllowedMs is { } allowed && !IsOver && allowed - ElapsedMs <= WarningMs && (Running || ElapsedMs > 0);
    }

    public sealed record Speaker(int Id, string Delegation, string Kind, string? Group, string Capacity, string Status, int? SpokeForSeconds);

    public sealed record Current(int Id, string Delegation, string Kind, string? Group, string Capacity, Timer Timer);

    /// <summary>A waiting entry of the viewer's own delegation: its place on the whole list and the wait after the current speaker.</summary>
    public sealed record Mine(int Id, string Delegation, string Kind, int Place, int SpeakersAhead, long WaitAfterCurrentMs);

    public sealed record Model(
        int ListId,
        int SessionId,
        string Language,
        string SessionSymbol,
        TextIn SessionTitle,
        string AgendaItemNumber,
        TextIn AgendaItemTitle,
        int? MeetingNumber,
        TextIn? MeetingName,
        bool IsOpen,
        long ChangedAt,
        Current? Current,
        IReadOnlyList<Speaker> Next,
        int Waiting,
        IReadOnlyList<Speaker> Last,
        IReadOnlyList<Mine>? Mine,
        string TimeZoneId,
        long Now);

    /// <summary>A list as read once, before it is described in one language or another.</summary>
    public sealed class Snapshot
    {
        internal Snapshot(Header header, SpeakersList list, IReadOnlyList<Inscription> ordered, IReadOnlyDictionary<int, DelegationName> names, IReadOnlyList<int>? own)
        {
            Own = own;
            Head = header;
            List = list;
            Ordered = ordered;
            Names = names;
        }

        internal Header Head { get; }

        internal SpeakersList List { get; }

        internal IReadOnlyList<Inscription> Ordered { get; }

        internal IReadOnlyDictionary<int, DelegationName> Names { get; }

        /// <summary>The signed-in viewer's delegations in the session; null for an anonymous read (the live channel's).</summary>
        internal IReadOnlyList<int>? Own { get; }

        public int SessionId => Head.SessionId;

        public bool IsPublished => Head.IsPublished;

        internal Guid Version => List.Version;

        /// <summary>The same list for another viewer, with whether its session is published as it stands now.</summary>
        internal Snapshot For(IReadOnlyList<int>? own, bool isPublished) =>
            new(Head with { IsPublished = isPublished }, List, Ordered, Names, own);
    }

    internal sealed record Header(int SessionId, bool IsPublished, string Symbol, TranslatedText Title, string ItemNumber, TranslatedText ItemTitle, int? MeetingId, string TimeZoneId)
    {
        public int? MeetingNumber { get; init; }

        public TranslatedText? MeetingName { get; init; }
    }

    internal sealed record DelegationName(string Name, string OriginalLanguage, IReadOnlyDictionary<string, string> Translations)
    {
        public string In(string language) =>
            language == OriginalLanguage ? Name : Translations.TryGetValue(language, out var translated) ? translated : Name;
    }

    public sealed class Handler(SessionsDbContext db, IStringLocalizer<Text> t, TimeProvider clock)
    {
        /// <summary>
        /// Reads the list; null when there is none. With <paramref name="viewerUserId"/> (a signed-in viewer), the
        /// delegations the viewer speaks for are read too, so that the display shows where they stand.
        /// </summary>
        public async Task<Snapshot?> ReadAsync(int listId, string? viewerUserId = null, CancellationToken cancellationToken = default)
        {
            var probe = await db.SpeakersLists.AsNoTracking().Where(l => l.Id == listId)
                .Join(db.Sessions, l => l.SessionId, s => s.Id, (l, s) => new { l.Version, l.SessionId, s.IsPublished })
                .SingleOrDefaultAsync(cancellationToken);
            if (probe is null)
            {
                return null;
            }

            var own = viewerUserId is null ? null : await DelegationsOfAsync(viewerUserId, probe.SessionId, cancellationToken);
            var key = CacheKey(db, listId);
            if (own is not { Count: > 0 } && _kept.TryGetValue(key, out Snapshot? kept) && kept is not null && kept.Version == probe.Version)
            {
                return kept.For(own, probe.IsPublished);
            }

            var header = await (
                    from l in db.SpeakersLists
                    join s in db.Sessions on l.SessionId equals s.Id
                    join a in db.AgendaItems on l.AgendaItemId equals a.Id
                    where l.Id == listId
                    select new Header(s.Id, s.IsPublished, s.Symbol, s.Title, a.Number, a.Title, l.MeetingId, s.TimeZoneId))
                .AsNoTracking()
                .SingleOrDefaultAsync(cancellationToken);
            if (header?.MeetingId is { } meetingId)
            {
                var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.Number, m.Name }).SingleAsync(cancellationToken);
                header = header with { MeetingNumber = meeting.Number, MeetingName = meeting.Name };
            }

            var list = await db.SpeakersLists.AsNoTracking().Include(l => l.Inscriptions).SingleOrDefaultAsync(l => l.Id == listId, cancellationToken);
            if (header is null || list is null)
            {
                return null;
            }

            var ordered = list.InSpeakingOrder();
            var shown = Shown(ordered).Select(i => i.DelegationId)
                .Concat(list.Inscriptions.Where(i => own?.Contains(i.DelegationId) == true).Select(i => i.DelegationId))
                .Distinct()
                .ToList();
            var names = (await db.Delegations.AsNoTracking()
                    .Where(d => shown.Contains(d.Id))
                    .Join(db.Organisations, d => d.OrganisationId, o => o.Id, (d, o) => new
                    {
                        d.Id,
                        o.Name,
                        o.OriginalLanguage,
                        Translations = o.Names.Select(n => new { n.Language, n.Name }).ToList(),
                    })
                    .ToListAsync(cancellationToken))
                .ToDictionary(d => d.Id, d => new DelegationName(d.Name, d.OriginalLanguage, d.Translations.ToDictionary(n => n.Language, n => n.Name)));
            var snapshot = new Snapshot(header, list, ordered, names, own);
            if (own is not { Count: > 0 })
            {
                _kept.Set(key, snapshot, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _keepFor, Size = 1 });
            }

            return snapshot;
        }

        /// <summary>The delegations on whose behalf a signed-in user may see their own place: as focal point or as a delegate.</summary>
        private async Task<IReadOnlyList<int>> DelegationsOfAsync(string userId, int sessionId, CancellationToken cancellationToken)
        {
            var actedFor = db.DelegationsActedForBy(userId).Where(d => d.SessionId == sessionId).Select(d => d.Id);
            var delegateOf =
                from p in db.Participants
                join d in db.Delegations on p.DelegationId equals d.Id
                where p.UserId == userId && d.SessionId == sessionId
                    && Participant.HoldingAPlace.Contains(p.Status)
                select d.Id;
            return await actedFor.Union(delegateOf).ToListAsync(cancellationToken);
        }

        /// <summary>The snapshot as the display shows it in the current UI language.</summary>
        public Model Describe(Snapshot snapshot)
        {
            var own = snapshot.Own;
            var language = Cultures.Current;
            var list = snapshot.List;
            var at = clock.GetUtcNow().UtcDateTime;
            string NameOf(Inscription i) => snapshot.Names.TryGetValue(i.DelegationId, out var name) ? name.In(language) : "";

            Current? current = null;
            if (list.Speaking is { } speaking)
            {
                var clock = speaking.ClockAt(at);
                current = new Current(speaking.Id, NameOf(speaking), KindOf(speaking), speaking.GroupName, t.For(speaking.Capacity),
                    new Timer(clock.Allowed is { } allowed ? (long)allowed.TotalMilliseconds : null, (long)clock.Elapsed.TotalMilliseconds, clock.IsRunning));
            }

            var waiting = snapshot.Ordered.Where(i => i.Status == SpeakerStatus.Waiting).ToList();
            var next = waiting.Take(NextCount).Select(i => Describe(i, NameOf(i))).ToList();
            var last = Last(snapshot.Ordered).Select(i => Describe(i, NameOf(i))).ToList();

            List<Mine>? mine = null;
            if (own is { Count: > 0 })
            {
                var waits = SpeakerWait.For(list, at);
                var speakingLeft = list.Speaking?.ClockAt(at).Remaining is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero;
                mine = waiting.Where(i => own.Contains(i.DelegationId) && waits.ContainsKey(i.Id))
                    .Select(i => new Mine(i.Id, NameOf(i), KindOf(i), waits[i.Id].Place, waits[i.Id].SpeakersAhead, (long)(waits[i.Id].Estimated - speakingLeft).TotalMilliseconds))
                    .ToList();
            }

            var head = snapshot.Head;
            return new Model(list.Id, head.SessionId, language, head.Symbol, head.Title.In(language), head.ItemNumber, head.ItemTitle.In(language), head.MeetingNumber, head.MeetingName?.In(language), list.IsOpen,
                new DateTimeOffset(DateTime.SpecifyKind(list.ChangedAt, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
                current, next, waiting.Count, last, mine, head.TimeZoneId, new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeMilliseconds());
        }

        /// <summary>The snapshot in <paramref name="language"/>, whatever the language of the request (the live channel).</summary>
        public Model DescribeIn(Snapshot snapshot, string language) => Cultures.In(language, () => Describe(snapshot));

        private Speaker Describe(Inscription i, string name) =>
            new(i.Id, name, KindOf(i), i.GroupName, t.For(i.Capacity), t.For(i.Status), i.SpokeForSeconds);

        /// <summary>The kind as the console words it: a right of reply says which one.</summary>
        private string KindOf(Inscription i) =>
            i.Kind == InscriptionKind.RightOfReply && i.ReplyRound is { } round ? $"{t.For(i.Kind)} ({t.For(round)})" : t.For(i.Kind);
    }

    /// <summary>Those who were done last (spoke or were called and absent), the latest first.</summary>
    private static IEnumerable<Inscription> Last(IReadOnlyList<Inscription> ordered) =>
        ordered.Where(i => i.Status is SpeakerStatus.Spoke or SpeakerStatus.Skipped).Reverse().Take(LastCount);

    private static IEnumerable<Inscription> Shown(IReadOnlyList<Inscription> ordered) =>
        ordered.Where(i => i.Status == SpeakerStatus.Speaking)
            .Concat(ordered.Where(i => i.Status == SpeakerStatus.Waiting).Take(NextCount))
            .Concat(Last(ordered));
}
