using System.Globalization;
using Sessions.Core.Common;

namespace Sessions.Core.Statements;

/// <summary>
/// Document symbols of issued statements. A series is a pattern such as <c>{session}/NGO/{n}</c>: <c>{session}</c>
/// is the session's symbol, <c>{n}</c> the statement's number in that series (1, 2, 3... with no gaps).
/// </summary>
public static class StatementSymbols
{
    public const string SessionPlaceholder = "{session}";
    public const string NumberPlaceholder = "{n}";
    public const int PatternMaxLength = 100;

    /// <summary>Refuses a pattern without exactly one number, or with characters that have no place in a symbol.</summary>
    public static string CheckPattern(string? pattern)
    {
        var trimmed = (pattern ?? "").Trim();
        var withoutPlaceholders = trimmed.Replace(SessionPlaceholder, "", StringComparison.Ordinal).Replace(NumberPlaceholder, "", StringComparison.Ordinal);
        if (trimmed.Length == 0 || trimmed.Length > PatternMaxLength
            || CountOf(trimmed, NumberPlaceholder) != 1
            || withoutPlaceholders.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '(' or ')')))
        {
            throw new DomainException("A series must contain {0} once, and otherwise only letters, digits and / . - _ ( ): {1}", NumberPlaceholder, trimmed);
        }

        return trimmed;
    }

    /// <summary>The series of a session: the pattern with the session's symbol filled in (numbers are counted per series).</summary>
    public static string Series(string pattern, string sessionSymbol) =>
        pattern.Replace(SessionPlaceholder, sessionSymbol, StringComparison.Ordinal);

    public static string Symbol(string series, int number) =>
        series.Replace(NumberPlaceholder, number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
