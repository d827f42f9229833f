using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Sessions.Core.Common;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Tests.Attendance.Statistics;

public sealed partial class PluralsTests
{
    [Theory]
    [InlineData(0, PluralCategory.Other)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Other)]
    [InlineData(11, PluralCategory.Other)]
    [InlineData(21, PluralCategory.Other)]
    [InlineData(1_000_000, PluralCategory.Other)]
    public void English_has_one_and_other(long count, PluralCategory expected) =>
        Assert.Equal(expected, Plurals.CategoryOf(Languages.English, count));

    [Theory]
    [InlineData(0, PluralCategory.One)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Other)]
    [InlineData(215, PluralCategory.Other)]
    [InlineData(1_000_000, PluralCategory.Many)]
    [InlineData(2_000_000, PluralCategory.Many)]
    [InlineData(1_000_001, PluralCategory.Other)]
    public void French_counts_zero_as_singular_and_whole_millions_as_many(long count, PluralCategory expected) =>
        Assert.Equal(expected, Plurals.CategoryOf(Languages.French, count));

    [Theory]
    [InlineData(0, PluralCategory.Other)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Other)]
    [InlineData(1_000_000, PluralCategory.Many)]
    [InlineData(1_500_000, PluralCategory.Other)]
    public void Spanish_counts_zero_as_plural_and_whole_millions_as_many(long count, PluralCategory expected) =>
        Assert.Equal(expected, Plurals.CategoryOf(Languages.Spanish, count));

    [Theory]
    [InlineData(1, PluralCategory.One)]
    [InlineData(21, PluralCategory.One)]
    [InlineData(101, PluralCategory.One)]
    [InlineData(11, PluralCategory.Many)]
    [InlineData(111, PluralCategory.Many)]
    [InlineData(2, PluralCategory.Few)]
    [InlineData(4, PluralCategory.Few)]
    [InlineData(22, PluralCategory.Few)]
    [InlineData(12, PluralCategory.Many)]
    [InlineData(14, PluralCategory.Many)]
    [InlineData(0, PluralCategory.Many)]
    [InlineData(5, PluralCategory.Many)]
    [InlineData(215, PluralCategory.Many)]
    [InlineData(1_000, PluralCategory.Many)]
    public void Russian_follows_the_last_digits(long count, PluralCategory expected) =>
        Assert.Equal(expected, Plurals.CategoryOf(Languages.Russian, count));

    [Theory]
    [InlineData(0, PluralCategory.Zero)]
    [InlineData(1, PluralCategory.One)]
    [InlineData(2, PluralCategory.Two)]
    [InlineData(3, PluralCategory.Few)]
    [InlineData(10, PluralCategory.Few)]
    [InlineData(103, PluralCategory.Few)]
    [InlineData(11, PluralCategory.Many)]
    [InlineData(99, PluralCategory.Many)]
    [InlineData(215, PluralCategory.Many)]
    [InlineData(100, PluralCategory.Other)]
    [InlineData(102, PluralCategory.Other)]
    [InlineData(1_000, PluralCategory.Other)]
    public void Arabic_has_six_categories(long count, PluralCategory expected) =>
        Assert.Equal(expected, Plurals.CategoryOf(Languages.Arabic, count));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(215)]
    public void Chinese_has_one_form(long count) =>
        Assert.Equal(PluralCategory.Other, Plurals.CategoryOf(Languages.Chinese, count));

    [Theory]
    [InlineData(1, "{0} организация")]
    [InlineData(3, "{0} организации")]
    [InlineData(11, "{0} организаций")]
    [InlineData(21, "{0} организация")]
    public void The_form_is_picked_in_cldr_order(long count, string expected) =>
        Assert.Equal(expected, Plurals.Choose("{0} организация|{0} организации|{0} организаций", Languages.Russian, count));

    [Fact]
    public void A_text_without_forms_is_used_as_it_is() =>
        Assert.Equal("{0} sessions", Plurals.Choose("{0} sessions", Languages.Russian, 1));

    [Fact]
    public void A_text_with_too_few_forms_falls_back_to_its_last_form() =>
        Assert.Equal("b", Plurals.Choose("a|b", Languages.Arabic, 215));

    [Theory]
    [InlineData("en", 1, "1 written statement")]
    [InlineData("en", 215, "215 written statements")]
    [InlineData("fr", 0, "0 déclaration écrite")]
    [InlineData("fr", 215, "215 déclarations écrites")]
    [InlineData("fr", 1_000_000, "1 000 000 de déclarations écrites")]
    [InlineData("en", 1_000_000, "1,000,000 written statements")]
    [InlineData("es", 1, "1 declaración escrita")]
    [InlineData("es", 0, "0 declaraciones escritas")]
    [InlineData("ru", 215, "215 письменных заявлений")]
    [InlineData("ru", 22, "22 письменных заявления")]
    [InlineData("ru", 21, "21 письменное заявление")]
    [InlineData("ar", 2, "بيانان مكتوبان")]
    [InlineData("ar", 11, "11 بيانًا مكتوبًا")]
    [InlineData("ar", 5, "5 بيانات مكتوبة")]
    [InlineData("ar", 100, "100 بيان مكتوب")]
    [InlineData("zh", 215, "215份书面发言")]
    public void The_localiser_writes_the_count_in_the_readers_language(string language, long count, string expected)
    {
        var localizer = new JsonStringLocalizer(JsonStringLocalizer.Load(_resources), NullLogger.Instance);
        using var _ = new CultureScope(language);
        // French groups digits with a (narrow) no-break space.
        Assert.Equal(expected, localizer.Plural("{0} written statements", count).Replace('\u202F', ' ').Replace('\u00A0', ' '));
    }

    [Fact]
    public void Every_plural_key_in_the_code_has_one_form_per_category_in_every_language()
    {
        var strings = JsonStringLocalizer.Load(_resources);
        var wrong = new List<string>();
        var keys = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => PluralKey().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .Distinct()
            .ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            if (!strings.TryGetValue(key, out var translations))
            {
                wrong.Add($"missing: {key}");
                continue;
            }

            foreach (var language in Languages.All)
            {
                var forms = translations.GetValueOrDefault(language, "").Split(Plurals.Separator).Length;
                if (forms != Plurals.CategoriesOf(language).Count)
                {
                    wrong.Add($"{language}: {key} has {forms} forms, {Plurals.CategoriesOf(language).Count} expected");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static readonly string _resources = Path.Combine(RepositoryPaths.Root, "src", "Sessions.Web", "Resources");

    [GeneratedRegex("""\.Plural\(\s*"((?:[^"\\]|\\.)+)"\s*,""")]
    private static partial Regex PluralKey();
}
