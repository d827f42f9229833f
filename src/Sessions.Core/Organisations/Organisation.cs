using Sessions.Core.Common;

namespace Sessions.Core.Organisations;

public class Organisation
{
    private readonly List<OrganisationName> _names = [];
    private readonly List<FocalPoint> _focalPoints = [];
    private string? _acronym;
    private string? _website;

    private Organisation()
    {
    }

    public Organisation(string name, string originalLanguage, OrganisationCategory category)
    {
        Category = category;
        Rename(name, originalLanguage);
    }

    public int Id { get; private set; }

    /// <summary>The name in its original language: shown wherever no translation exists.</summary>
    public string Name { get; private set; } = "";

    public string OriginalLanguage { get; private set; } = Languages.English;

    /// <summary>Folded form of <see cref="Name"/> used to find duplicates (see <see cref="NameNormaliser"/>).</summary>
    public string NormalisedName { get; private set; } = "";

    public string? Acronym
    {
        get => _acronym;
        set
        {
            _acronym = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            NormalisedAcronym = NameNormaliser.NormaliseAcronym(_acronym);
        }
    }

    /// <summary>Folded form of <see cref="Acronym"/> ("UN-Habitat" is "unhabitat"): duplicates and search.</summary>
    public string NormalisedAcronym { get; private set; } = "";

    public OrganisationCategory Category { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? CountryCode { get; set; }

    public string? Website
    {
        get => _website;
        set
        {
            _website = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            NormalisedWebsite = NameNormaliser.NormaliseWebsite(_website);
        }
    }

    /// <summary>Folded form of <see cref="Website"/> ("https://www.UN.org/" is "un.org"): duplicates and search.</summary>
    public string NormalisedWebsite { get; private set; } = "";

    public string? ContactEmail { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Optimistic concurrency token: two people editing at once cannot overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyCollection<OrganisationName> Names => _names.AsReadOnly();
    public IReadOnlyCollection<FocalPoint> FocalPoints => _focalPoints.AsReadOnly();

    public void Rename(string name, string originalLanguage)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("The name of the organisation is required.");
        }

        if (!Languages.IsSupported(originalLanguage))
        {
            throw new DomainException("Choose one of the six UN languages.");
        }

        Name = name.Trim();
        OriginalLanguage = originalLanguage;
        NormalisedName = NameNormaliser.Normalise(Name);
    }

    /// <summary>Sets or clears (empty text) the name in one UN language.</summary>
    public void SetTranslatedName(string language, string? name)
    {
        if (!Languages.IsSupported(language))
        {
            throw new DomainException("Choose one of the six UN languages.");
        }

        var existing = _names.FirstOrDefault(n => n.Language == language);
        if (string.IsNullOrWhiteSpace(name))
        {
            if (existing is not null)
            {
                _names.Remove(existing);
            }

            return;
        }

        if (existing is null)
        {
            _names.Add(new OrganisationName(language, name.Trim()));
        }
        else
        {
            existing.Rename(name.Trim());
        }
    }

    public string DisplayName(string language) =>
        language == OriginalLanguage ? Name : _names.FirstOrDefault(n => n.Language == language)?.Name ?? Name;
}

public class OrganisationName
{
    private OrganisationName()
    {
    }

    public OrganisationName(string language, string name)
    {
        Language = language;
        Rename(name);
    }

    public int Id { get; private set; }
    public int OrganisationId { get; private set; }
    public string Language { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>Folded form of <see cref="Name"/>: a translated name finds duplicates and answers searches too.</summary>
    public string NormalisedName { get; private set; } = "";

    public void Rename(string name)
    {
        Name = name;
        NormalisedName = NameNormaliser.Normalise(name);
    }
}
