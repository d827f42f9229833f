using Sessions.Core.Common;
using Sessions.Core.Sessions;

namespace Sessions.Core.Registration;

/// <summary>How a participant attends a session, and how a person took part in a meeting (in the room or online).</summary>
public enum AttendanceMode
{
    InPerson = 1,
    Online = 2,
}

/// <summary>
/// Who decides how a participant attends: a session held in person only or online only decides for everyone; in a
/// hybrid session the focal point chooses at nomination and the participant may change it until registration closes.
/// </summary>
public static class WayOfAttending
{
    /// <summary>The way every participant attends a session held one way only; null for a hybrid session.</summary>
    public static AttendanceMode? FixedBy(SessionFormat format) => format switch
    {
        SessionFormat.InPerson => AttendanceMode.InPerson,
        SessionFormat.Online => AttendanceMode.Online,
        _ => null,
    };

    /// <summary>
    /// The way of attending after a choice (<paramref name="chosen"/> null: nothing chosen, <paramref name="current"/>
    /// stays). A choice the session's format does not allow is refused.
    /// </summary>
    public static AttendanceMode Decide(SessionFormat format, AttendanceMode? chosen, AttendanceMode current)
    {
        if (chosen is { } given && !Enum.IsDefined(given))
        {
            throw new DomainException("Choose in person or online.");
        }

        return (FixedBy(format), chosen) switch
        {
            (AttendanceMode.InPerson, AttendanceMode.Online) => throw new DomainException("This session is held in person only: every participant attends in person."),
            (AttendanceMode.Online, AttendanceMode.InPerson) => throw new DomainException("This session is held online only: every participant attends online."),
            ({ } fixedMode, _) => fixedMode,
            (null, { } mode) => mode,
            _ => current,
        };
    }

    /// <summary>The participant changes how they attend until the registration deadline; after it, only the secretariat's plans stand.</summary>
    public static void EnsureChangeable(DateTime nowUtc, DateTime? registrationDeadlineUtc)
    {
        if (registrationDeadlineUtc is not null && nowUtc > registrationDeadlineUtc)
        {
            throw new DomainException("The registration deadline has passed: how you attend can no longer be changed. Contact your organisation's focal point.");
        }
    }
}
