using System.Globalization;

namespace Sessions.Web.Infrastructure.Localisation;

/// <summary>
/// The house formats of dates and times on every page, in the reader's language, so a page never shows "5 June 2031"
/// beside "05/06/2031" or "5:00 PM" beside "17:00": a day as the language writes it in full, a time on the 24-hour
/// clock, and the two together. Only machine-readable values (a <c>datetime</c> attribute, a date field's value) and
/// the technical logs in UTC (audit, delivery) keep ISO 8601.
/// </summary>
public static class DateFormats
{
    public static string Day(this DateOnly day) => day.ToString("D", CultureInfo.CurrentCulture);

    public static string Day(this DateTime at) => at.ToString("D", CultureInfo.CurrentCulture);

    public static string Time(this DateTime at) => at.ToString("HH:mm", CultureInfo.CurrentCulture);

    public static string Time(this TimeOnly at) => at.ToString("HH:mm", CultureInfo.CurrentCulture);

    public static string DateAndTime(this DateTime at) => $"{at.Day()} {at.Time()}";

    public static string DateAndTime(this DateTimeOffset at) => at.DateTime.DateAndTime();

    /// <summary>A moment in a technical log, in UTC and ISO 8601, the same in every language: "2031-06-05 14:03:27".</summary>
    public static string Logged(this DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
