namespace Sessions.Core.Speakers;

/// <summary>How long a waiting speaker should expect to wait: what the speaker who has the floor has left, plus the
/// time limit of everyone ahead (a point of order counts as nothing: it has no limit). An estimate, shown as one.</summary>
public sealed record SpeakerWait(int Place, int SpeakersAhead, TimeSpan Estimated)
{
    /// <summary>The wait of every waiting entry of <paramref name="list"/>, by inscription id.</summary>
    public static IReadOnlyDictionary<int, SpeakerWait> For(SpeakersList list, DateTime at)
    {
        var waits = new Dictionary<int, SpeakerWait>();
        var speaking = list.Speaking;
        var estimated = speaking?.ClockAt(at).Remaining is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero;
        var ahead = speaking is null ? 0 : 1;
        var ordered = list.InSpeakingOrder();
        for (var index = 0; index < ordered.Count; index++)
        {
            var entry = ordered[index];
            if (entry.Status != SpeakerStatus.Waiting)
            {
                continue;
            }

            waits[entry.Id] = new SpeakerWait(index + 1, ahead, estimated);
            estimated += list.TimeLimitFor(entry) ?? TimeSpan.Zero;
            ahead++;
        }

        return waits;
    }
}
