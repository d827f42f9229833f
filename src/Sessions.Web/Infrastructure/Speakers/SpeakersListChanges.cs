using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Speakers;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Web.Infrastructure.Speakers;

/// <summary>
/// The one way a speakers list changes: load it, apply the change, tell the delegations it concerns
/// (<see cref="SpeakerNotices"/>), save with the list's version checked, then tell the live displays.
/// </summary>
public sealed class SpeakersListChanges(SessionsDbContext db, NoticeWriter notices, SpeakersBroadcast broadcast, SpeakersListTurns turns, PublicLinks links, TimeProvider clock)
{
    private const int Attempts = 20;

    /// <summary>
    /// Applies <paramref name="change"/> to list <paramref name="listId"/> at the current time. Null when there is no such list.
    /// <para>With <paramref name="expectedVersion"/> (the console, which shows the list it acts on), a list changed
    /// since then throws <see cref="DbUpdateConcurrencyException"/>: the caller shows the fresh list. Without it
    /// (an inscription, which does not depend on the others), a change that lost the race is applied again to the
    /// fresh list, so that many delegations inscribing at once are all listed, each once.</para>
    /// A <see cref="Core.Common.DomainException"/> from the change leaves nothing saved.
    /// </summary>
    public async Task<T?> ApplyAsync<T>(int listId, Guid? expectedVersion, Func<SpeakersList, DateTime, T> change, CancellationToken cancellationToken)
    {
        (bool Saved, T? Result) outcome;
        using (await turns.WaitAsync(listId, cancellationToken))
        {
            outcome = await SaveAsync(listId, expectedVersion, change, cancellationToken);
        }

        // Outside the list's turn, so that a slow display never holds up the next change; the change is saved, so the
        // watchers are told even if the person who made it has gone.
        if (outcome.Saved)
        {
            await broadcast.ListChangedAsync(listId);
        }

        return outcome.Result;
    }

    private async Task<(bool Saved, T? Result)> SaveAsync<T>(int listId, Guid? expectedVersion, Func<SpeakersList, DateTime, T> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var list = await db.SpeakersLists.Include(l => l.Inscriptions).SingleOrDefaultAsync(l => l.Id == listId, cancellationToken);
            if (list is null)
            {
                return (false, default);
            }

            if (expectedVersion is { } version)
            {
                db.Entry(list).Property(l => l.Version).OriginalValue = version;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var before = SpeakerNotices.Places(list);
            var result = change(list, now);

            // Every change gets a new version, even two in the same tick (the clock leaves ChangedAt as it was).
            db.Entry(list).Property(l => l.ChangedAt).IsModified = true;
            await QueueNoticesAsync(list, SpeakerNotices.Collect(list, before, now), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (true, result);
            }
            catch (DbUpdateConcurrencyException) when (expectedVersion is null && attempt < Attempts)
            {
                // Only another instance of the app (PostgreSQL, scaled out) can win the race here: spread out and try again.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 5 + (5 * Math.Min(attempt, 10))), cancellationToken);
            }
        }
    }

    private async Task QueueNoticesAsync(SpeakersList list, IReadOnlyList<SpeakerNoticeDue> due, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return;
        }

        var delegationIds = due.Select(d => d.Inscription.DelegationId).Distinct().ToList();
        var organisationOf = await db.Delegations.AsNoTracking().Where(d => delegationIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.OrganisationId, cancellationToken);
        var organisationIds = organisationOf.Values.Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Names).Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var focalPoints = (await db.FocalPointRecipients(organisationIds).ToListAsync(cancellationToken)).ToLookup(f => f.OrganisationId);
        var speakerIds = due.Select(d => d.Inscription.SpeakerParticipantId).OfType<int>().Distinct().ToList();
        var speakers = await db.Participants.AsNoTracking().Where(p => speakerIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.Email, Name = p.GivenName + " " + p.FamilyName, p.PreferredLanguage }, cancellationToken);
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == list.SessionId, cancellationToken);
        var item = await db.AgendaItems.AsNoTracking().Where(a => a.Id == list.AgendaItemId).Select(a => new { a.Number, a.Title }).SingleAsync(cancellationToken);
        var common = NoticeValues.ForSession(session, links.Absolute($"/sessions/{session.Id}")).With(new NoticeValues
        {
            { "AgendaItem", item.Number },
            { "AgendaItemTitle", new NoticeValue.PerLanguage(language => item.Title.In(language).Text) },
            { "ListLink", new NoticeValue.Link(links.Absolute($"/speakers/{list.Id}/live")) },
        });

        foreach (var notice in due)
        {
            var organisation = organisations[organisationOf[notice.Inscription.DelegationId]];
            var values = common.With(new NoticeValues
            {
                { "OrganisationName", new NoticeValue.PerLanguage(organisation.DisplayName) },
                { "Place", notice.Place },
                { "PreviousPlace", notice.PreviousPlace ?? 0 },
                { "SpeakersAhead", notice.SpeakersAhead },
            });
            var kind = notice.Reason switch
            {
                SpeakerNoticeReason.Confirmed => NoticeKinds.SpeakerInscriptionConfirmed,
                SpeakerNoticeReason.Moved => NoticeKinds.SpeakerMoved,
                _ => NoticeKinds.SpeakerAboutToBeCalled,
            };
            var told = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var focalPoint in focalPoints[organisation.Id].Where(f => told.Add(f.Email)))
            {
                notices.Queue(focalPoint.Email, focalPoint.FullName, focalPoint.PreferredLanguage, kind, values);
            }

            if (notice.Inscription.SpeakerParticipantId is { } speakerId && speakers.TryGetValue(speakerId, out var speaker)
                && !string.IsNullOrWhiteSpace(speaker.Email) && told.Add(speaker.Email))
            {
                notices.Queue(speaker.Email, speaker.Name, speaker.PreferredLanguage, kind, values);
            }
        }
    }
}

/// <summary>
/// Changes to one list take turns within this instance, so that fifty delegations inscribing in the same second
/// queue up instead of failing each other's version check and retrying. Lists are few: their gates are kept.
/// </summary>
public sealed class SpeakersListTurns
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, SemaphoreSlim> _gates = new();

    public async Task<IDisposable> WaitAsync(int listId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(listId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
