using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sessions.E2E.Infrastructure;

/// <summary>
/// English left on a page in another language, found in the browser: a text a person reads (a visible text node, an
/// aria-label, title, placeholder or alt, the document's title) that is the English text of a localiser key whose
/// translation in the page's language differs (Resources/*.json: { key: { "en": English, "fr": ... } }), or a sentence
/// written in English (two or more English function words among three or more words) once the demo's data is taken out. Data is not text: names of
/// people, organisations, sessions and what a person typed stand in elements marked <c>translate="no"</c>, in form
/// fields, in code, or in an element whose <c>lang</c> says it is in another language, which are all left out.
/// </summary>
public sealed class EnglishOnPage
{
    private readonly Dictionary<string, string> _argumentsByLanguage;

    private EnglishOnPage(Dictionary<string, string> argumentsByLanguage) => _argumentsByLanguage = argumentsByLanguage;

    /// <param name="data">texts of the data, left out of the search for English sentences (they are not translated).</param>
    public static EnglishOnPage FromResources(string resourcesDirectory, IReadOnlyList<string> data)
    {
        var all = new List<Dictionary<string, string>>();
        foreach (var file in Directory.EnumerateFiles(resourcesDirectory, "*.json"))
        {
            using var stream = File.OpenRead(file);
            all.AddRange(JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!.Values);
        }

        var byLanguage = new Dictionary<string, string>();
        foreach (var language in Languages.Where(l => l != "en"))
        {
            var texts = new HashSet<string>(StringComparer.Ordinal);
            var patterns = new HashSet<string>(StringComparer.Ordinal);
            foreach (var translations in all)
            {
                var english = translations.GetValueOrDefault("en", "");
                if (!translations.TryGetValue(language, out var translated) || translated == english)
                {
                    continue;
                }

                foreach (var form in english.Split('|'))
                {
                    var text = Normalise(form);
                    if (!text.Contains('{', StringComparison.Ordinal))
                    {
                        if (text.Count(char.IsLetter) >= 3)
                        {
                            texts.Add(text);
                        }

                        continue;
                    }

                    // A text with arguments matches whatever stands in them, when its own words are enough to tell.
                    var parts = Regex.Split(text, @"\{\d+(?:[:,][^}]*)?\}");
                    if (parts.Sum(p => p.Count(char.IsLetter)) >= 8)
                    {
                        patterns.Add("^" + string.Join("[^]+?", parts.Select(EscapeForJavaScript)) + "$");
                    }
                }
            }

            byLanguage[language] = JsonSerializer.Serialize(new { texts, patterns, data = data.Select(Normalise) });
        }

        return new EnglishOnPage(byLanguage);
    }

    public static readonly IReadOnlyList<string> Languages = ["ar", "zh", "en", "fr", "ru", "es"];

    /// <summary>The argument of <see cref="Script"/> for a page in <paramref name="language"/>; null in English.</summary>
    public string? ArgumentFor(string language) => _argumentsByLanguage.GetValueOrDefault(language);

    private static string EscapeForJavaScript(string text) => Regex.Replace(text, @"[.*+?^${}()|[\]\\/]", @"\$&");

    private static string Normalise(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>
    /// Takes { texts, patterns } as JSON (or null on an English page) and returns the English found, one string each, with the
    /// horizontal overflow of the page: { english: [...], overflow: bool, scrollWidth, innerWidth }.
    /// </summary>
    public const string Script = """
        (json) => {
            const words = json ? JSON.parse(json) : null;
            const found = [];
            if (words) {
                const texts = new Set(words.texts);
                const patterns = words.patterns.map(p => new RegExp(p));
                const functionWords = new Set(['the', 'and', 'of', 'to', 'is', 'are', 'with', 'your', 'this', 'has', 'have', 'will', 'be', 'been', 'which', 'from', 'by', 'for', 'you', 'not', 'was', 'were', 'their', 'its']);
                const pageLang = document.documentElement.lang;
                const excluded = el => el.closest('script, style, noscript, textarea, code, pre, kbd, samp, [translate="no"], [aria-hidden="true"]')
                    || (el.closest('[lang]') && el.closest('[lang]').lang.split('-')[0] !== pageLang);
                const check = (raw, where) => {
                    const text = raw.replace(/\s+/g, ' ').trim();
                    if (!text) return;
                    if (texts.has(text) || texts.has(text.replace(/[:.]$/, '')) || patterns.some(p => p.test(text))) {
                        found.push(`${where}"${text}"`);
                        return;
                    }
                    let rest = text;
                    for (const datum of words.data) rest = rest.split(datum).join(' ');
                    const tokens = rest.toLowerCase().split(/[^a-z']+/).filter(t => t);
                    const english = new Set(tokens.filter(t => functionWords.has(t)));
                    if (tokens.length >= 3 && english.size >= 2) found.push(`${where}"${text}" (an English sentence)`);
                };
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const el = node.parentElement;
                    if (!el || excluded(el) || !el.checkVisibility({ visibilityProperty: true })) continue;
                    check(node.nodeValue, '');
                }
                for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
                    if (excluded(el)) continue;
                    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
                        if (el.hasAttribute(name)) check(el.getAttribute(name), `${name}=`);
                    }
                }
                for (const part of document.title.split(' · ')) check(part, 'title: ');
            }
            // A phone's browser widens innerWidth to a page wider than it: the layout width is the smaller of the two.
            const scrollWidth = document.documentElement.scrollWidth;
            const width = Math.min(innerWidth, document.documentElement.clientWidth);
            return { english: [...new Set(found)], overflow: scrollWidth > width, scrollWidth, innerWidth: width };
        }
        """;
}
