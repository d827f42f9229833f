using System.Globalization;
using System.Text;

namespace Sessions.Core.Files;

/// <summary>
/// The name an uploaded file is shown and offered back under (pages, Content-Disposition), normalised once on the way
/// in, the same way for every upload: the last part of a path only, without control characters (NUL, tabs, line breaks),
/// invisible format characters (the right-to-left override U+202E and the other bidi controls, zero-width spaces),
/// unpaired surrogates or the characters file systems refuse; letters of every script are kept.
/// </summary>
public static class UploadedFileName
{
    public const int MaxLength = 200;

    private static readonly char[] _refused = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    /// <summary>The clean name; <paramref name="fallback"/> when nothing is left of it.</summary>
    public static string Clean(string? uploaded, string fallback = "file")
    {
        // A client that escapes a quote inside the quoted file name (our \"list\".csv) sends a quote, not a path.
        var name = (uploaded ?? "").Replace("\\\"", "\"", StringComparison.Ordinal);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];

        var kept = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                kept.Append(c).Append(name[++i]);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
            {
                if (kept.Length > 0 && kept[^1] != ' ')
                {
                    kept.Append(' ');
                }
            }
            else if (IsKept(c))
            {
                kept.Append(c);
            }
        }

        var clean = kept.ToString().Normalize(NormalizationForm.FormC).Trim().Trim('.').Trim();
        if (clean.Length > MaxLength)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length is > 1 and <= 16 ? extension : "";
            var stem = clean[..(MaxLength - extension.Length)];
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }

            clean = stem.TrimEnd() + extension;
        }

        return clean.Length == 0 ? fallback : clean;
    }

    private static bool IsKept(char c)
    {
        if (Array.IndexOf(_refused, c) >= 0)
        {
            return false;
        }

        // The zero-width non-joiner and joiner are part of how Persian, Arabic and Indic words are written.
        if (c is '\u200C' or '\u200D')
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
    }
}
