using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Sessions.Core.Accreditation;
using Sessions.Core.Common;
using Sessions.Core.Organisations;

namespace Sessions.Web.Features.Organisations;

/// <summary>What the secretariat types to create or edit an organisation; the create and edit pages share it.</summary>
public sealed class OrganisationForm
{
    [Required(ErrorMessage = "Enter the name of the organisation.")]
    [StringLength(OrganisationImport.MaxNameLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Name in its original language")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choose one of the six UN languages.")]
    [Display(Name = "Original language")]
    public string OriginalLanguage { get; set; } = Languages.English;

    [StringLength(OrganisationImport.MaxNameLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Name in Arabic")]
    public string? NameAr { get; set; }

    [StringLength(OrganisationImport.MaxNameLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Name in Chinese")]
    public string? NameZh { get; set; }

    [StringLength(OrganisationImport.MaxNameLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Name in English")]
    public string? NameEn { get; set; }

    [StringLength(OrganisationImport.MaxNameLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Name in French")]
    public string? NameFr { get; set; }

    [StringLength(OrganisationImport.MaxNameLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Name in Russian")]
    public string? NameRu { get; set; }

    [StringLength(OrganisationImport.MaxNameLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Name in Spanish")]
    public string? NameEs { get; set; }

    [StringLength(OrganisationImport.MaxAcronymLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Acronym")]
    public string? Acronym { get; set; }

    [Required(ErrorMessage = "Choose a category.")]
    [Display(Name = "Category")]
    public OrganisationCategory? Category { get; set; }

    [Display(Name = "Country")]
    public string? CountryCode { get; set; }

    [StringLength(OrganisationImport.MaxWebsiteLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Website")]
    public string? Website { get; set; }

    [StringLength(OrganisationImport.MaxEmailLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [Display(Name = "Contact email")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Accreditation")]
    public AccreditationBasis? AccreditationBasis { get; set; }

    [Display(Name = "Accreditation status")]
    public AccreditationStatus? AccreditationStatus { get; set; }

    [Display(Name = "Body (ad hoc accreditation)")]
    public int? AccreditationBodyId { get; set; }

    /// <summary>The organisation's concurrency token when the form was opened.</summary>
    [Required(ErrorMessage = "A value is required.")]
    public Guid Version { get; set; }

    [Required(ErrorMessage = "A value is required.")]
    [Display(Name = "Create anyway: this is a different organisation")]
    public bool CreateAnyway { get; set; }

    [BindNever]
    public int Id { get; set; }

    /// <summary>Organisations that look like this one: shown above the form.</summary>
    [BindNever]
    public IReadOnlyList<DuplicateMatch> Duplicates { get; set; } = [];

    [BindNever]
    public IReadOnlyList<(int Id, TranslatedText Name)> Bodies { get; set; } = [];

    public string? TranslatedName(string language) => language switch
    {
        Languages.Arabic => NameAr,
        Languages.Chinese => NameZh,
        Languages.English => NameEn,
        Languages.French => NameFr,
        Languages.Russian => NameRu,
        Languages.Spanish => NameEs,
        _ => null,
    };

    public void SetTranslatedName(string language, string? name)
    {
        switch (language)
        {
            case Languages.Arabic: NameAr = name; break;
            case Languages.Chinese: NameZh = name; break;
            case Languages.English: NameEn = name; break;
            case Languages.French: NameFr = name; break;
            case Languages.Russian: NameRu = name; break;
            case Languages.Spanish: NameEs = name; break;
        }
    }

    /// <summary>The field of the name in <paramref name="language"/>, for the view's labels and inputs.</summary>
    public static string TranslatedNameField(string language) => "Name" + char.ToUpperInvariant(language[0]) + language[1..];

    /// <summary>Every name typed, the original first, translations of the original language left out.</summary>
    public IEnumerable<string> AllNames() =>
        Languages.All.Where(l => l != OriginalLanguage).Select(TranslatedName).Prepend(Name).Where(n => !string.IsNullOrWhiteSpace(n))!;

    /// <summary>Checks what the attributes cannot: the language, the country and the website.</summary>
    public void Validate(ModelStateDictionary modelState, Microsoft.Extensions.Localization.IStringLocalizer t)
    {
        if (!Languages.IsSupported(OriginalLanguage))
        {
            modelState.AddModelError(nameof(OriginalLanguage), t["Choose one of the six UN languages."]);
        }

        if (!string.IsNullOrWhiteSpace(CountryCode) && !Countries.Exists(CountryCode))
        {
            modelState.AddModelError(nameof(CountryCode), t["Choose a country from the list."]);
        }

        if (!string.IsNullOrWhiteSpace(Website) && !OrganisationImport.IsWebsite(Website.Trim()))
        {
            modelState.AddModelError(nameof(Website), t["Enter a website address such as https://www.example.org."]);
        }

        if (AccreditationBasis is not null && AccreditationStatus is null)
        {
            modelState.AddModelError(nameof(AccreditationStatus), t["Choose the basis and the status of the accreditation."]);
        }
    }

    /// <summary>Copies the form onto the organisation; the entity refuses an empty name or an unknown language.</summary>
    public void ApplyTo(Organisation organisation)
    {
        organisation.Rename(Name, OriginalLanguage);
        foreach (var language in Languages.All)
        {
            organisation.SetTranslatedName(language, language == OriginalLanguage ? null : TranslatedName(language));
        }

        organisation.Acronym = Acronym;
        organisation.Category = Category ?? OrganisationCategory.Other;
        organisation.CountryCode = string.IsNullOrWhiteSpace(CountryCode) ? null : CountryCode.Trim().ToUpperInvariant();
        organisation.Website = Website;
        organisation.ContactEmail = string.IsNullOrWhiteSpace(ContactEmail) ? null : ContactEmail.Trim();
    }
}

public sealed record DuplicateMatch(int Id, string Name, DuplicateField Field);
