using System.ComponentModel.DataAnnotations;
using Sessions.Core.Common;

namespace Sessions.Web.Infrastructure.Forms;

/// <summary>
/// A <see cref="TranslatedText"/> as a form shows it (<c>Features/Shared/_TranslatedTextFields.cshtml</c>): one field per
/// UN language and the original language; the original's field is the one that must be filled in. A command holds one
/// per text (<c>public TranslatedTextForm Title { get; set; } = new();</c>), so its fields post as <c>Title.Ar</c>, ….
/// </summary>
public sealed class TranslatedTextForm : IValidatableObject
{
    public const int DefaultMaxLength = 1000;

    [Display(Name = "In Arabic")]
    [StringLength(DefaultMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    public string? Ar { get; set; }

    [Display(Name = "In Chinese")]
    [StringLength(DefaultMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    public string? Zh { get; set; }

    [Display(Name = "In English")]
    [StringLength(DefaultMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    public string? En { get; set; }

    [Display(Name = "In French")]
    [StringLength(DefaultMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    public string? Fr { get; set; }

    [Display(Name = "In Russian")]
    [StringLength(DefaultMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    public string? Ru { get; set; }

    [Display(Name = "In Spanish")]
    [StringLength(DefaultMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    public string? Es { get; set; }

    [Required(ErrorMessage = "Choose one of the six UN languages.")]
    [Display(Name = "Original language")]
    public string OriginalLanguage { get; set; } = Languages.English;

    /// <summary>The form's field name of a language's text ("Ar").</summary>
    public static string FieldOf(string language) => char.ToUpperInvariant(language[0]) + language[1..];

    public static TranslatedTextForm From(TranslatedText text) => new()
    {
        OriginalLanguage = text.OriginalLanguage,
        Ar = text.Written(Languages.Arabic),
        Zh = text.Written(Languages.Chinese),
        En = text.Written(Languages.English),
        Fr = text.Written(Languages.French),
        Ru = text.Written(Languages.Russian),
        Es = text.Written(Languages.Spanish),
    };

    public string? Written(string language) => language switch
    {
        Languages.Arabic => Ar,
        Languages.Chinese => Zh,
        Languages.English => En,
        Languages.French => Fr,
        Languages.Russian => Ru,
        Languages.Spanish => Es,
        _ => null,
    };

    public TranslatedText ToText()
    {
        var text = new TranslatedText(Written(OriginalLanguage) ?? "", OriginalLanguage);
        CopyTranslationsTo(text);
        return text;
    }

    /// <summary>Writes the form over <paramref name="text"/> (the record's own, which EF Core tracks).</summary>
    public void ApplyTo(TranslatedText text)
    {
        text.Rewrite(Written(OriginalLanguage) ?? "", OriginalLanguage);
        CopyTranslationsTo(text);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Languages.IsSupported(OriginalLanguage))
        {
            yield return new ValidationResult("Choose one of the six UN languages.", [nameof(OriginalLanguage)]);
        }
        else if (string.IsNullOrWhiteSpace(Written(OriginalLanguage)))
        {
            yield return new ValidationResult("Enter the text in its original language.", [FieldOf(OriginalLanguage)]);
        }
    }

    private void CopyTranslationsTo(TranslatedText text)
    {
        foreach (var language in Languages.All.Where(l => l != OriginalLanguage))
        {
            text.Translate(language, Written(language));
        }
    }
}
