namespace Sessions.Core.Sessions;

/// <summary>
/// The wall clock at a session's venue: times are stored in UTC and shown, typed and exported in the venue's zone
/// (an IANA id such as "Africa/Nairobi"). The one conversion every screen, notice and report uses.
/// </summary>
public static class VenueClock
{
    /// <summary>A UTC instant (of any kind as read from the database) to wall-clock time in the zone.</summary>
    public static DateTime ToLocal(DateTime utc, string timeZoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));

    /// <summary>A wall-clock time in the zone to UTC.</summary>
    public static DateTime ToUtc(DateTime localTime, string timeZoneId) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId));
}
