using System.Collections.Frozen;
using System.Text.Json;
using Sessions.Core.Common;

namespace Sessions.Core.Organisations;

/// <summary>The ISO 3166-1 list: alpha-2 codes with their names in the six UN languages.</summary>
public static class Countries
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> _sorted = new();

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> _names = Load();

    public static IReadOnlyCollection<string> Codes => _names.Keys;

    public static bool Exists(string? code) => code is not null && _names.ContainsKey(code.ToUpperInvariant());

    /// <summary>The country's name in <paramref name="language"/> (English where a name is missing); the code itself when unknown.</summary>
    public static string Name(string? code, string language)
    {
        if (code is null || !_names.TryGetValue(code.ToUpperInvariant(), out var names))
        {
            return code ?? "";
        }

        return names.GetValueOrDefault(Languages.OrDefault(language)) ?? names[Languages.English];
    }

    /// <summary>Finds a country by code or by its name in any of the six languages (case-insensitive).</summary>
    public static string? Find(string? codeOrName)
    {
        if (string.IsNullOrWhiteSpace(codeOrName))
        {
            return null;
        }

        var text = codeOrName.Trim();
        if (text.Length == 2 && _names.ContainsKey(text.ToUpperInvariant()))
        {
            return text.ToUpperInvariant();
        }

        var folded = NameNormaliser.Normalise(text);
        return _names.FirstOrDefault(c => c.Value.Values.Any(n => NameNormaliser.Normalise(n) == folded)).Key;
    }

    /// <summary>All countries sorted by their name in <paramref name="language"/>, for a select list (sorted once per language).</summary>
    public static IReadOnlyList<(string Code, string Name)> Sorted(string language) =>
        _sorted.GetOrAdd(Languages.OrDefault(language), lang =>
        {
            var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(lang), ignoreCase: true);
            return _names.Keys.Select(code => (code, Name(code, lang))).OrderBy(c => c.Item2, comparer).ToList();
        });

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("countries.json")
            ?? throw new InvalidOperationException("countries.json is not embedded.");
        var raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string?>>>(stream)!;
        return raw.ToFrozenDictionary(
            c => c.Key,
            c => c.Value.Where(n => !string.IsNullOrEmpty(n.Value)).ToFrozenDictionary(n => n.Key, n => n.Value!));
    }
}
