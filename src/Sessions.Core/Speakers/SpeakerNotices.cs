namespace Sessions.Core.Speakers;

public enum SpeakerNoticeReason
{
    /// <summary>The inscription is on the list.</summary>
    Confirmed = 1,

    /// <summary>The entry moved by more than <see cref="SpeakerNotices.MovedBeyondPlaces"/> places in one change.</summary>
    Moved = 2,

    /// <summary>No more than the list's <see cref="SpeakersList.NotifyWhenSpeakersAhead"/> speakers are ahead of it.</summary>
    AboutToBeCalled = 3,
}

public sealed record SpeakerNoticeDue(Inscription Inscription, SpeakerNoticeReason Reason, int Place, int? PreviousPlace, int SpeakersAhead);

/// <summary>
/// Which delegations are told about a change to a speakers list. Places are on the whole list (1 = top, those who
/// spoke included), so calling the next speaker moves no one; a new inscription above pushes the others down by one,
/// which is not worth a notice, while a move by hand usually is.
/// </summary>
public static class SpeakerNotices
{
    public const int MovedBeyondPlaces = 3;

    /// <summary>Each listed entry's place, taken before a change to compare with after it.</summary>
    public static IReadOnlyDictionary<int, int> Places(SpeakersList list) =>
        list.InSpeakingOrder().Select((entry, index) => (entry.Id, Place: index + 1)).ToDictionary(p => p.Id, p => p.Place);

    /// <summary>
    /// The notices a change calls for, comparing <paramref name="placesBefore"/> with the list now. Unsaved entries
    /// (id 0) are new inscriptions. Only waiting delegations are told, never about a point of order (raised from
    /// the floor, it is heard at once). An entry told it is about to be called is marked so that it is told once.
    /// </summary>
    public static IReadOnlyList<SpeakerNoticeDue> Collect(SpeakersList list, IReadOnlyDictionary<int, int> placesBefore, DateTime at)
    {
        var due = new List<SpeakerNoticeDue>();
        var ordered = list.InSpeakingOrder();
        var ahead = list.Speaking is null ? 0 : 1;
        for (var index = 0; index < ordered.Count; index++)
        {
            var entry = ordered[index];
            if (entry.Status != SpeakerStatus.Waiting)
            {
                continue;
            }

            var place = index + 1;
            if (entry.Kind != InscriptionKind.PointOfOrder)
            {
                int? before = placesBefore.TryGetValue(entry.Id, out var was) && entry.Id != 0 ? was : null;
                if (before is null)
                {
                    due.Add(new SpeakerNoticeDue(entry, SpeakerNoticeReason.Confirmed, place, null, ahead));
                }
                else if (Math.Abs(place - before.Value) > MovedBeyondPlaces)
                {
                    due.Add(new SpeakerNoticeDue(entry, SpeakerNoticeReason.Moved, place, before, ahead));
                }

                if (list.NotifyWhenSpeakersAhead > 0 && ahead <= list.NotifyWhenSpeakersAhead && entry.AboutToBeCalledNoticeAt is null)
                {
                    entry.NoteAboutToBeCalledNotice(at);
                    due.Add(new SpeakerNoticeDue(entry, SpeakerNoticeReason.AboutToBeCalled, place, before, ahead));
                }
            }

            ahead++;
        }

        return due;
    }
}
