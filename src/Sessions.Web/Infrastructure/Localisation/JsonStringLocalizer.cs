using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;

namespace Sessions.Web.Infrastructure.Localisation;

/// <summary>
/// Reads every Resources/*.json file: { "English key": { "ar": "...", "zh": "...", "en": "...", ... } }.
/// A key that is missing falls back to the key itself (English) and is logged; a test fails on it.
/// </summary>
public sealed class JsonStringLocalizer : IStringLocalizer
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _strings;
    private readonly ILogger _logger;

    public JsonStringLocalizer(FrozenDictionary<string, FrozenDictionary<string, string>> strings, ILogger logger)
    {
        _strings = strings;
        _logger = logger;
    }

    public static FrozenDictionary<string, FrozenDictionary<string, string>> Load(string directory)
    {
        var all = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            var entries = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidOperationException($"{file} is empty.");
            foreach (var (key, translations) in entries)
            {
                if (!all.TryAdd(key, translations.ToFrozenDictionary(StringComparer.Ordinal)))
                {
                    throw new InvalidOperationException($"The key \"{key}\" in {Path.GetFileName(file)} is defined in another resource file too.");
                }
            }
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public LocalizedString this[string name]
    {
        get
        {
            var found = TryTranslate(name, out var value);
            return new LocalizedString(name, value, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = TryTranslate(name, out var format);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format, arguments), resourceNotFound: !found);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        _strings.Keys.Select(key => this[key]);

    private bool TryTranslate(string key, out string value)
    {
        var language = Languages.OrDefault(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        if (_strings.TryGetValue(key, out var translations))
        {
            if (translations.TryGetValue(language, out var translated) && !string.IsNullOrEmpty(translated))
            {
                value = translated;
                return true;
            }

            value = translations.GetValueOrDefault(Languages.English, key);
            _logger.LogWarning("No {Language} translation for \"{Key}\"", language, key);
            return false;
        }

        _logger.LogWarning("Missing localisation key \"{Key}\"", key);
        value = key;
        return false;
    }
}

public sealed class JsonStringLocalizerFactory(IWebHostEnvironment environment, ILoggerFactory loggerFactory) : IStringLocalizerFactory
{
    private readonly Lazy<JsonStringLocalizer> _localizer = new(() => new JsonStringLocalizer(
        JsonStringLocalizer.Load(Path.Combine(environment.ContentRootPath, "Resources")),
        loggerFactory.CreateLogger<JsonStringLocalizer>()));

    public IStringLocalizer Create(Type resourceSource) => _localizer.Value;

    public IStringLocalizer Create(string baseName, string location) => _localizer.Value;
}
