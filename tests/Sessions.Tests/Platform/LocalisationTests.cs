using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Sessions.Core.Common;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Tests.Platform;

/// <summary>
/// Every string a person reads goes through the localiser in all six languages. These tests read the
/// source: a key used in a view, a controller, a validation attribute, or a domain rule must
/// exist in Resources/*.json with a non-empty text in Arabic, Chinese, English, French, Russian and Spanish.
/// </summary>
public sealed partial class LocalisationTests
{
    private static readonly string _resources = Path.Combine(RepositoryPaths.Root, "src", "Sessions.Web", "Resources");

    [GeneratedRegex("""\b(?:T|t|_t|localizer|Localizer)\[\s*"((?:[^"\\]|\\.)+)"\s*[,\]]""")]
    private static partial Regex IndexerKey();

    [GeneratedRegex("""(?:ErrorMessage|Display\(Name|Prompt)\s*=\s*"((?:[^"\\]|\\.)+)"\s*""")]
    private static partial Regex AttributeKey();

    [GeneratedRegex("""new DomainException\(\s*"((?:[^"\\]|\\.)+)"\s*""")]
    private static partial Regex DomainErrorKey();

    [Fact]
    public void Every_resource_key_has_a_text_in_all_six_languages()
    {
        var strings = JsonStringLocalizer.Load(_resources);
        var missing = strings
            .SelectMany(entry => Languages.All.Where(l => !entry.Value.TryGetValue(l, out var text) || string.IsNullOrWhiteSpace(text)).Select(l => $"{l}: {entry.Key}"))
            .ToList();
        Assert.True(missing.Count == 0, "Missing translations:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Placeholders_are_the_same_in_every_language()
    {
        var strings = JsonStringLocalizer.Load(_resources);
        var wrong = new List<string>();
        foreach (var (key, translations) in strings)
        {
            var expected = Placeholders(key);
            wrong.AddRange(translations.Where(t => !Placeholders(t.Value).SetEquals(expected)).Select(t => $"{t.Key}: {key}"));
        }

        Assert.True(wrong.Count == 0, "Placeholders differ from the key's:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_key_used_in_the_code_exists_in_the_resources()
    {
        var strings = JsonStringLocalizer.Load(_resources);
        var missing = UsedKeys().Where(k => !strings.ContainsKey(k.Key)).Select(k => $"{k.Key}    ({k.File})").Distinct().Order().ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} keys used in the code are missing from Resources/*.json:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_value_of_the_domain_enums_has_a_label()
    {
        var strings = JsonStringLocalizer.Load(_resources);
        var enums = typeof(Languages).Assembly.GetTypes().Where(t => t is { IsEnum: true, IsPublic: true });
        var missing = enums.SelectMany(e => Enum.GetNames(e).Select(n => $"{e.Name}.{n}")).Where(k => !strings.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Enum labels missing from Resources/*.json:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_localiser_falls_back_to_english_and_reports_a_missing_key()
    {
        var localizer = new JsonStringLocalizer(JsonStringLocalizer.Load(_resources), NullLogger.Instance);
        using var _ = new CultureScope("fr");
        Assert.Equal("Enregistrer", localizer["Save"].Value);
        var missing = localizer["A key nobody wrote"];
        Assert.True(missing.ResourceNotFound);
        Assert.Equal("A key nobody wrote", missing.Value);
    }

    private static HashSet<string> Placeholders(string text) =>
        Regex.Matches(text, @"\{(\d+)[^}]*\}").Select(m => m.Groups[1].Value).ToHashSet();

    private static IEnumerable<(string Key, string File)> UsedKeys()
    {
        var sources = new[] { Path.Combine(RepositoryPaths.Root, "src") };
        var files = sources.SelectMany(s => Directory.EnumerateFiles(s, "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var code = File.ReadAllText(file);
            var name = Path.GetRelativePath(RepositoryPaths.Root, file);
            foreach (var regex in new[] { IndexerKey(), AttributeKey(), DomainErrorKey() })
            {
                foreach (Match match in regex.Matches(code))
                {
                    yield return (Regex.Unescape(match.Groups[1].Value), name);
                }
            }
        }
    }
}
