using System.Text.RegularExpressions;
using Sessions.Core.Common;

namespace Sessions.Core.Documents;

/// <summary>
/// The language of a language version read from its file name, as UN files carry it: a last letter after "_" or "-"
/// (A Arabic, C Chinese, E English, F French, R Russian, S Spanish: "N2310345_E.pdf", "HSP-HA.2-4-Add.2-F.docx"),
/// or the two-letter code our own downloads use ("HSP-HA.2-4-Add.2-ZH.pdf"), in either case, before ".pdf" or ".docx".
/// </summary>
public static partial class DocumentFileLanguages
{
    private static readonly Dictionary<string, string> _suffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A"] = Languages.Arabic,
        ["C"] = Languages.Chinese,
        ["E"] = Languages.English,
        ["F"] = Languages.French,
        ["R"] = Languages.Russian,
        ["S"] = Languages.Spanish,
        ["AR"] = Languages.Arabic,
        ["ZH"] = Languages.Chinese,
        ["EN"] = Languages.English,
        ["FR"] = Languages.French,
        ["RU"] = Languages.Russian,
        ["ES"] = Languages.Spanish,
    };

    /// <summary>The UN suffix letter of a language ("zh" → "C").</summary>
    public static string SuffixOf(string language) => _suffixes.First(s => s.Key.Length == 1 && s.Value == language).Key;

    /// <summary>The language the name carries; refuses, naming the file, a name that carries none.</summary>
    public static string Of(string fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var match = Suffix().Match(name);
        if (!match.Success || !_suffixes.TryGetValue(match.Groups["language"].Value, out var language))
        {
            throw new DomainException("The name of {0} does not say its language: it should end with _A, _C, _E, _F, _R or _S and .pdf or .docx (for example …_E.pdf).", name);
        }

        return language;
    }

    [GeneratedRegex(@"[_-](?<language>[A-Za-z]{1,2})\.(pdf|docx)$", RegexOptions.IgnoreCase)]
    private static partial Regex Suffix();
}
