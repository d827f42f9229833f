using System.Globalization;
using System.Text;

namespace Sessions.Core.Organisations;

/// <summary>
/// Folds a name so that spellings of the same organisation compare equal: full-width forms,
/// case, accents, punctuation and white space. Letters of every script are kept.
/// </summary>
public static class NameNormaliser
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // NFKC folds full-width and compatibility forms; NFD then splits accents off their letters.
        var decomposed = text.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A website without scheme, "www.", trailing slash or case: "https://www.UN.org/" is "un.org".</summary>
    public static string NormaliseWebsite(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return "";
        }

        var w = website.Trim().ToLowerInvariant();
        var scheme = w.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            w = w[(scheme + 3)..];
        }

        if (w.StartsWith("www.", StringComparison.Ordinal))
        {
            w = w[4..];
        }

        return w.TrimEnd('/');
    }

    public static string NormaliseAcronym(string? acronym) =>
        string.IsNullOrWhiteSpace(acronym) ? "" : Normalise(acronym).Replace(" ", "", StringComparison.Ordinal);
}
