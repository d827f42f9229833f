using System.Globalization;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;

namespace Sessions.Web.Infrastructure.Localisation;

/// <summary>The CLDR plural categories, in CLDR order.</summary>
public enum PluralCategory
{
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// <summary>
/// Counts in sentences, by the CLDR plural rules of the six UN languages (whole numbers only: we count
/// organisations and statements). A translation holds one form per category the language uses for whole
/// numbers, separated by "|", in CLDR order: en "one|other", fr and es "one|many|other", ru "one|few|many",
/// ar "zero|one|two|few|many|other", zh "other".
/// </summary>
public static class Plurals
{
    public const char Separator = '|';

    private static readonly IReadOnlyList<PluralCategory> _oneOther = [PluralCategory.One, PluralCategory.Other];
    private static readonly IReadOnlyList<PluralCategory> _oneManyOther = [PluralCategory.One, PluralCategory.Many, PluralCategory.Other];
    private static readonly IReadOnlyList<PluralCategory> _slavic = [PluralCategory.One, PluralCategory.Few, PluralCategory.Many];
    private static readonly IReadOnlyList<PluralCategory> _arabic =
        [PluralCategory.Zero, PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other];
    private static readonly IReadOnlyList<PluralCategory> _otherOnly = [PluralCategory.Other];

    /// <summary>The categories a whole number can fall in, in CLDR order: one form each in a translation.</summary>
    public static IReadOnlyList<PluralCategory> CategoriesOf(string language) => language switch
    {
        Languages.Arabic => _arabic,
        Languages.Chinese => _otherOnly,
        Languages.French or Languages.Spanish => _oneManyOther,
        Languages.Russian => _slavic,
        _ => _oneOther,
    };

    /// <summary>The CLDR category of a whole number (negative numbers take their absolute value's).</summary>
    public static PluralCategory CategoryOf(string language, long count)
    {
        var n = Math.Abs(count);
        var mod10 = n % 10;
        var mod100 = n % 100;
        return language switch
        {
            Languages.Chinese => PluralCategory.Other,
            Languages.Arabic => n switch
            {
                0 => PluralCategory.Zero,
                1 => PluralCategory.One,
                2 => PluralCategory.Two,
                _ when mod100 is >= 3 and <= 10 => PluralCategory.Few,
                _ when mod100 is >= 11 and <= 99 => PluralCategory.Many,
                _ => PluralCategory.Other,
            },
            Languages.Russian => mod10 == 1 && mod100 != 11 ? PluralCategory.One
                : mod10 is >= 2 and <= 4 && mod100 is not (>= 12 and <= 14) ? PluralCategory.Few
                : PluralCategory.Many,
            // French: 0 and 1 are singular; a whole million takes "de" ("1 000 000 d'organisations").
            Languages.French => n is 0 or 1 ? PluralCategory.One
                : n % 1_000_000 == 0 ? PluralCategory.Many
                : PluralCategory.Other,
            Languages.Spanish => n == 1 ? PluralCategory.One
                : n != 0 && n % 1_000_000 == 0 ? PluralCategory.Many
                : PluralCategory.Other,
            _ => n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    /// <summary>
    /// The form for the count out of "form|form|...". A text with a single form (not written for plurals) is
    /// used as it is; a text with fewer forms than the language has falls back to its last one.
    /// </summary>
    public static string Choose(string forms, string language, long count)
    {
        var split = forms.Split(Separator);
        if (split.Length == 1)
        {
            return forms;
        }

        var categories = CategoriesOf(language);
        var index = IndexOf(categories, CategoryOf(language, count));
        return split[Math.Min(index, split.Length - 1)];
    }

    /// <summary>
    /// The translation of a plural key, in the form for the count, with the count as {0} (digits grouped as the
    /// reader's language groups them) and the further arguments as {1}, {2}...: <c>t.Plural("{0} written statements", 215)</c>.
    /// </summary>
    public static string Plural(this IStringLocalizer localizer, string key, long count, params object[] arguments)
    {
        var language = Languages.OrDefault(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var form = Choose(localizer[key].Value, language, count);
        return string.Format(CultureInfo.CurrentCulture, form, [count.ToString("N0", CultureInfo.CurrentCulture), .. arguments]);
    }

    /// <summary>
    /// The forms of a plural key by CLDR category ({"one": "...", "other": "..."}), as JSON for a script that counts with
    /// Intl.PluralRules in the reader's language; {0} stands for the count.
    /// </summary>
    public static string FormsByCategory(this IStringLocalizer localizer, string key)
    {
        var language = Languages.OrDefault(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        var forms = localizer[key].Value.Split(Separator);
        var categories = CategoriesOf(language);
        return System.Text.Json.JsonSerializer.Serialize(categories
            .Select((category, i) => (category, form: forms[Math.Min(i, forms.Length - 1)]))
            .ToDictionary(pair => pair.category.ToString().ToLowerInvariant(), pair => pair.form));
    }

    private static int IndexOf(IReadOnlyList<PluralCategory> categories, PluralCategory category)
    {
        for (var i = 0; i < categories.Count; i++)
        {
            if (categories[i] == category)
            {
                return i;
            }
        }

        return categories.Count - 1;
    }
}
