using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;

namespace Sessions.Web.Infrastructure.Email;

/// <summary>
/// The wording of each kind of notice in each language: the secretariat's (<see cref="NoticeTemplate"/> rows)
/// where saved, else the built-in one (Resources/NoticeTemplates/*.json), else English. The saved rows are
/// small and read on every notice, so they are kept in memory; <see cref="Forget"/> drops them after an edit,
/// and they are read again at most <see cref="Freshness"/> later in any case (another instance may have
/// saved).
/// </summary>
public sealed class NoticeTemplateStore(IWebHostEnvironment environment, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, NoticeText>>> _builtIn =
        new(() => LoadBuiltIn(Path.Combine(environment.ContentRootPath, "Resources", "NoticeTemplates")));

    private volatile Saved? _saved;

    /// <summary>The built-in wording, by kind and language.</summary>
    public IReadOnlyDictionary<string, FrozenDictionary<string, NoticeText>> BuiltIn => _builtIn.Value;

    /// <summary>The text to render for <paramref name="kind"/> in <paramref name="language"/>.</summary>
    public NoticeText Resolve(SessionsDbContext db, NoticeKind kind, string language)
    {
        var saved = SavedTemplates(db);
        return Find(saved, kind, language) ?? Find(saved, kind, Languages.English)
            ?? throw new InvalidOperationException($"The notice \"{kind.Key}\" has no template in English.");
    }

    /// <summary>The built-in text of <paramref name="kind"/> in <paramref name="language"/>, or null when it has none.</summary>
    public NoticeText? BuiltInText(NoticeKind kind, string language) =>
        _builtIn.Value.TryGetValue(kind.Key, out var languages) && languages.TryGetValue(language, out var text) ? text : null;

    /// <summary>After a template is saved: read the saved ones again at the next notice.</summary>
    public void Forget() => _saved = null;

    private NoticeText? Find(FrozenDictionary<(string, string), NoticeText> saved, NoticeKind kind, string language) =>
        saved.TryGetValue((kind.Key, language), out var text) ? text : BuiltInText(kind, language);

    private FrozenDictionary<(string, string), NoticeText> SavedTemplates(SessionsDbContext db)
    {
        var now = clock.GetUtcNow();
        var saved = _saved;
        if (saved is null || now - saved.ReadAt > Freshness)
        {
            var rows = db.NoticeTemplates.AsNoTracking().Select(t => new { t.Kind, t.Language, t.Subject, t.Body }).ToList();
            saved = new Saved(rows.ToFrozenDictionary(r => (r.Kind, r.Language), r => new NoticeText(r.Subject, r.Body)), now);
            _saved = saved;
        }

        return saved.Templates;
    }

    /// <summary>Reads { "kind": { "subject": { "en": "..." }, "body": { "en": "..." } } } from every file of the folder.</summary>
    public static FrozenDictionary<string, FrozenDictionary<string, NoticeText>> LoadBuiltIn(string directory)
    {
        var all = new Dictionary<string, FrozenDictionary<string, NoticeText>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            var kinds = JsonSerializer.Deserialize<Dictionary<string, BuiltInTemplate>>(stream)
                ?? throw new InvalidOperationException($"{file} is empty.");
            foreach (var (key, template) in kinds)
            {
                var texts = Languages.All
                    .Where(l => template.Subject.ContainsKey(l) && template.Body.ContainsKey(l))
                    .ToFrozenDictionary(l => l, l => new NoticeText(template.Subject[l], template.Body[l]));
                if (!all.TryAdd(key, texts))
                {
                    throw new InvalidOperationException($"The notice \"{key}\" in {Path.GetFileName(file)} is defined in another file too.");
                }
            }
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Saved(FrozenDictionary<(string, string), NoticeText> Templates, DateTimeOffset ReadAt);

    private sealed class BuiltInTemplate
    {
        [System.Text.Json.Serialization.JsonPropertyName("subject")]
        public Dictionary<string, string> Subject { get; set; } = [];

        [System.Text.Json.Serialization.JsonPropertyName("body")]
        public Dictionary<string, string> Body { get; set; } = [];
    }
}
