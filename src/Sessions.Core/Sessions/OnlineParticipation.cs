using Sessions.Core.Common;

namespace Sessions.Core.Sessions;

/// <summary>How a session is held: in the room only, online only, or both (hybrid).</summary>
public enum SessionFormat
{
    InPerson = 1,
    Online = 2,
    Hybrid = 3,
}

/// <summary>The address participants attending online join a meeting at.</summary>
public static class OnlineMeetingLink
{
    public const int MaxLength = 500;

    /// <summary>A trimmed https address, or null for none; anything else is refused.</summary>
    public static string? Check(string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        var trimmed = link.Trim();
        if (trimmed.Length > MaxLength
            || trimmed.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new DomainException("The online link must be a web address starting with https://, at most {0} characters.", MaxLength);
        }

        return trimmed;
    }
}

/// <summary>
/// That a meeting's online link was sent to a participant: one row per participant and meeting (a unique index), written
/// in the same transaction as the notice, so the link goes out once even when two runs of the reminders overlap.
/// </summary>
public class OnlineLinkNotice
{
    private OnlineLinkNotice()
    {
    }

    public OnlineLinkNotice(int participantId, int meetingId, DateTime sentAt)
    {
        ParticipantId = participantId;
        MeetingId = meetingId;
        SentAt = sentAt;
    }

    public int Id { get; private set; }
    public int ParticipantId { get; private set; }
    public int MeetingId { get; private set; }
    public DateTime SentAt { get; private set; }

    /// <summary>
    /// The link is due from <paramref name="leadTime"/> before the meeting starts until it ends (a participant approved
    /// late, or a link added late, still gets it).
    /// </summary>
    public static bool IsDue(Meeting meeting, TimeSpan leadTime, DateTime now) =>
        meeting.OnlineLink is not null && now >= meeting.StartsAt - leadTime && now < meeting.EndsAt;
}
