using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Sessions.Web.Features.Speakers.SpeakingTime;

/// <summary>A speaking time as people read it, in their language: "4 min 05 s", "1 h 02 min 10 s".</summary>
public static class SpokenDuration
{
    public static string Format(IStringLocalizer t, double seconds)
    {
        var whole = (long)Math.Round(seconds, MidpointRounding.AwayFromZero);
        var culture = CultureInfo.CurrentCulture;
        var (hours, minutes, rest) = (whole / 3600, whole % 3600 / 60, whole % 60);
        return hours > 0
            ? t["{0} h {1} min {2} s", hours.ToString("N0", culture), minutes.ToString("00", culture), rest.ToString("00", culture)]
            : t["{0} min {1} s", minutes.ToString(culture), rest.ToString("00", culture)];
    }
}
