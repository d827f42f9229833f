using Sessions.Core.Registration;

namespace Sessions.Core.Speakers;

/// <summary>The one source of truth for the order of a speakers list (DESIGN.md, "Rules that are the product").</summary>
public static class SpeakersOrder
{
    /// <summary>
    /// Orders a list. Withdrawn entries are left out; position n on the list is index n - 1 of the result.
    /// <list type="number">
    /// <item>Those who are done (speaking, spoke, or called and skipped) come first, in the order they were
    /// called (<see cref="ISpeakerEntry.CalledAt"/>, then id): they keep the places they had.</item>
    /// <item>The waiting follow in protocol order: points of order; group statements; statements of members of
    /// the body by <see cref="LevelOfRepresentation"/>; statements of observer States; of the UN system and
    /// IGOs (together); of other organisations; first rights of reply; second rights of reply. Within each
    /// rank by time of inscription, then by id (the order the rows were written), so ties never move.
    /// A new inscription therefore takes its protocol place among the waiting, never above those done.</item>
    /// <item>An entry the secretariat moved keeps the place it was moved to: <see cref="ISpeakerEntry.ManualPosition"/>
    /// is a position on the whole list (1 = top, counting those done). The waiting places are filled from the top;
    /// a moved entry takes the first free place at or after its position, and the others fill the rest in protocol
    /// order. Calling the next speaker does not shift anyone, so a moved entry stays put as the list advances.
    /// A moved entry never goes above those done (its place is then the first waiting one), and a position beyond
    /// the end puts it last. When two moved entries claim the same place, the later move takes it and the
    /// earlier one comes right after it.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<T> Arrange<T>(IEnumerable<T> entries)
        where T : ISpeakerEntry
    {
        var listed = entries.Where(e => e.Status != SpeakerStatus.Withdrawn).ToList();
        var done = listed.Where(e => IsDone(e)).OrderBy(e => e.CalledAt ?? DateTime.MaxValue).ThenBy(e => e.Id).ToList();
        var waiting = listed.Where(e => e.Status == SpeakerStatus.Waiting).ToList();
        var inProtocolOrder = new Queue<T>(waiting.Where(e => e.ManualPosition is null)
            .OrderBy(e => Rank(e)).ThenBy(e => e.Kind == InscriptionKind.Statement && e.Capacity == Capacity.Member ? (int)e.Level : 0)
            .ThenBy(e => e.InscribedAt).ThenBy(e => e.Id));
        var moved = new Queue<T>(waiting.Where(e => e.ManualPosition is not null)
            .OrderBy(e => e.ManualPosition).ThenByDescending(e => e.MovedAt).ThenBy(e => e.Id));

        var ordered = new List<T>(listed.Count);
        ordered.AddRange(done);
        while (inProtocolOrder.Count > 0 || moved.Count > 0)
        {
            var position = ordered.Count + 1;
            var takeMoved = moved.Count > 0 && (moved.Peek().ManualPosition <= position || inProtocolOrder.Count == 0);
            ordered.Add(takeMoved ? moved.Dequeue() : inProtocolOrder.Dequeue());
        }

        return ordered;
    }

    /// <summary>The protocol rank of a waiting entry, lower speaks sooner.</summary>
    public static int Rank(ISpeakerEntry entry) => entry.Kind switch
    {
        InscriptionKind.PointOfOrder => 0,
        InscriptionKind.GroupStatement => 1,
        InscriptionKind.RightOfReply => entry.ReplyRound == ReplyRound.Second ? 7 : 6,
        _ => entry.Capacity switch
        {
            Capacity.Member => 2,
            Capacity.ObserverState => 3,
            Capacity.UnSystem or Capacity.IntergovernmentalOrganisation => 4,
            _ => 5,
        },
    };

    /// <summary>Speaking, spoke, or called and absent: the entry's place is fixed.</summary>
    public static bool IsDone(ISpeakerEntry entry) =>
        entry.Status is SpeakerStatus.Speaking or SpeakerStatus.Spoke or SpeakerStatus.Skipped;
}
