using System.Globalization;
using Microsoft.Extensions.Localization;
using Sessions.Core.Speakers;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Speakers.Console;

/// <summary>How the console words an entry's kind and writes a duration.</summary>
public static class ConsoleText
{
    /// <summary>The kind as the room says it: a group statement names the group, a reply says which one.</summary>
    public static string Kind(IStringLocalizer t, ShowConsole.Entry entry) => entry.Kind switch
    {
        InscriptionKind.GroupStatement => t["On behalf of {0}", entry.GroupName ?? ""],
        InscriptionKind.RightOfReply when entry.ReplyRound is { } round => $"{t.For(entry.Kind)} ({t.For(round)})",
        _ => t.For(entry.Kind),
    };

    /// <summary>Minutes and seconds, e.g. 4:05, with a minus sign once over time (console.js writes it the same way).</summary>
    public static string Duration(TimeSpan duration)
    {
        var seconds = (long)Math.Round(Math.Abs(duration.TotalSeconds), MidpointRounding.AwayFromZero);
        var sign = duration < TimeSpan.Zero && seconds > 0 ? "-" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{seconds / 60}:{seconds % 60:00}");
    }
}
