using System.Globalization;

namespace Sessions.Core.Common;

/// <summary>
/// A text written in one of the six UN languages (its original) with its translations into the others: a body's name, a
/// session's title, an agenda item's title. A reader sees the translation in their language, or the original where there
/// is none (<see cref="In"/>), and the original's language marks it (<see cref="TextIn.Language"/>) so it is read and
/// aligned as what it is. Stored as columns of its owner (an EF Core complex type): one per language.
/// </summary>
public class TranslatedText
{
    private TranslatedText()
    {
    }

    public TranslatedText(string original, string originalLanguage)
    {
        Rewrite(original, originalLanguage);
    }

    /// <summary>The text as written, in <see cref="OriginalLanguage"/>: shown wherever no translation exists.</summary>
    public string Original { get; private set; } = "";

    public string OriginalLanguage { get; private set; } = Languages.English;

    public string? Ar { get; private set; }
    public string? Zh { get; private set; }
    public string? En { get; private set; }
    public string? Fr { get; private set; }
    public string? Ru { get; private set; }
    public string? Es { get; private set; }

    /// <summary>A text with only its original, in English: what a record made before translations were kept holds.</summary>
    public static TranslatedText English(string original) => new(original, Languages.English);

    /// <summary>Changes the original (and its language); a translation into the new original language is dropped as the same text.</summary>
    public void Rewrite(string original, string originalLanguage)
    {
        if (string.IsNullOrWhiteSpace(original))
        {
            throw new DomainException("The text in its original language is required.");
        }

        if (!Languages.IsSupported(originalLanguage))
        {
            throw new DomainException("Choose one of the six UN languages.");
        }

        Original = original.Trim();
        OriginalLanguage = originalLanguage;
        Set(originalLanguage, null);
    }

    /// <summary>Sets or clears (empty text) the translation into one UN language; the original's language is ignored.</summary>
    public void Translate(string language, string? text)
    {
        if (!Languages.IsSupported(language))
        {
            throw new DomainException("Choose one of the six UN languages.");
        }

        Set(language, language == OriginalLanguage || string.IsNullOrWhiteSpace(text) ? null : text.Trim());
    }

    /// <summary>The text written in <paramref name="language"/>: the original or a translation; null when there is none.</summary>
    public string? Written(string language) => language == OriginalLanguage ? Original : Translation(language);

    public bool IsWrittenIn(string language) => Written(language) is not null;

    /// <summary>The languages the text is not yet written in.</summary>
    public IEnumerable<string> MissingLanguages => Languages.All.Where(l => !IsWrittenIn(l));

    /// <summary>What a reader of <paramref name="language"/> sees: the text in their language, or the original.</summary>
    public TextIn In(string language) =>
        Written(language) is { } text ? new TextIn(text, language) : new TextIn(Original, OriginalLanguage);

    /// <summary>A copy to give another record (complex values are never shared between records).</summary>
    public TranslatedText Copy()
    {
        var copy = new TranslatedText(Original, OriginalLanguage);
        foreach (var language in Languages.All)
        {
            copy.Set(language, Translation(language));
        }

        return copy;
    }

    /// <summary>The text in the current UI culture's language (the reader's), the original where it has no translation.</summary>
    public override string ToString() => In(Languages.OrDefault(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)).Text;

    private string? Translation(string language) => language switch
    {
        Languages.Arabic => Ar,
        Languages.Chinese => Zh,
        Languages.English => En,
        Languages.French => Fr,
        Languages.Russian => Ru,
        Languages.Spanish => Es,
        _ => null,
    };

    private void Set(string language, string? text)
    {
        if (language == Languages.Arabic)
        {
            Ar = text;
        }
        else if (language == Languages.Chinese)
        {
            Zh = text;
        }
        else if (language == Languages.English)
        {
            En = text;
        }
        else if (language == Languages.French)
        {
            Fr = text;
        }
        else if (language == Languages.Russian)
        {
            Ru = text;
        }
        else if (language == Languages.Spanish)
        {
            Es = text;
        }
    }
}

/// <summary>A text as one reader sees it, with the language it is actually in (which may not be the reader's).</summary>
public readonly record struct TextIn(string Text, string Language)
{
    public override string ToString() => Text;
}
