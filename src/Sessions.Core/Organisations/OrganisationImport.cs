using System.Net.Mail;
using Sessions.Core.Accreditation;
using Sessions.Core.Common;

namespace Sessions.Core.Organisations;

/// <summary>Why a row of an import file cannot be imported.</summary>
public enum ImportProblem
{
    MissingName = 1,
    NameTooLong = 2,
    UnknownLanguage = 3,
    TranslatedNameTooLong = 4,
    AcronymTooLong = 5,
    MissingCategory = 6,
    UnknownCategory = 7,
    UnknownCountry = 8,
    BadWebsite = 9,
    BadEmail = 10,
    UnknownAccreditation = 11,
    UnknownAccreditationStatus = 12,
}

public enum ImportRowStatus
{
    New = 1,
    DuplicateOfExisting = 2,
    DuplicateInFile = 3,
    Invalid = 4,
}

/// <summary>What two organisations have in common when one looks like a duplicate of the other.</summary>
public enum DuplicateField
{
    Name = 1,
    Acronym = 2,
    Website = 3,
}

public sealed record RowProblem(ImportProblem Problem, string? Value);

/// <summary>One row of an import file, read and checked. Kept as JSON between the preview and the commit.</summary>
public sealed class ImportedOrganisation
{
    /// <summary>The row's number in the file; the header is row 1.</summary>
    public int Row { get; set; }

    public string Name { get; set; } = "";
    public string Language { get; set; } = Languages.English;
    public Dictionary<string, string> Names { get; set; } = [];
    public string? Acronym { get; set; }
    public OrganisationCategory? Category { get; set; }
    public string? CountryCode { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }
    public AccreditationBasis? Accreditation { get; set; }
    public AccreditationStatus? AccreditationStatus { get; set; }
    public List<RowProblem> Problems { get; set; } = [];
    public ImportRowStatus Status { get; set; }
    public DuplicateField? MatchedOn { get; set; }
    public int? ExistingOrganisationId { get; set; }
    public string? ExistingName { get; set; }
    public int? DuplicateOfRow { get; set; }

    /// <summary>
    /// New rows, and rows that only share an acronym or a website with another organisation, may be
    /// kept; a row with the same name as another organisation never is, and an invalid row cannot be.
    /// </summary>
    public bool CanKeep => Status == ImportRowStatus.New || (Status is ImportRowStatus.DuplicateOfExisting or ImportRowStatus.DuplicateInFile && MatchedOn != DuplicateField.Name);

    public IEnumerable<string> NormalisedNames() =>
        Names.Values.Append(Name).Select(NameNormaliser.Normalise).Where(n => n.Length > 0).Distinct();
}

/// <summary>The labels a file may use for categories and accreditation, folded with <see cref="NameNormaliser.Normalise"/>, in any language.</summary>
public sealed class ImportVocabulary
{
    private readonly Dictionary<string, OrganisationCategory> _categories = [];
    private readonly Dictionary<string, AccreditationBasis> _bases = [];
    private readonly Dictionary<string, AccreditationStatus> _statuses = [];

    public ImportVocabulary()
    {
        foreach (var value in Enum.GetValues<OrganisationCategory>())
        {
            AddCategory(value.ToString(), value);
        }

        foreach (var value in Enum.GetValues<AccreditationBasis>())
        {
            AddBasis(value.ToString(), value);
        }

        foreach (var value in Enum.GetValues<AccreditationStatus>())
        {
            AddStatus(value.ToString(), value);
        }
    }

    public void AddCategory(string label, OrganisationCategory value) => _categories.TryAdd(NameNormaliser.Normalise(label), value);

    public void AddBasis(string label, AccreditationBasis value) => _bases.TryAdd(NameNormaliser.Normalise(label), value);

    public void AddStatus(string label, AccreditationStatus value) => _statuses.TryAdd(NameNormaliser.Normalise(label), value);

    public OrganisationCategory? Category(string text) => _categories.TryGetValue(NameNormaliser.Normalise(text), out var v) ? v : null;

    public AccreditationBasis? Basis(string text) => _bases.TryGetValue(NameNormaliser.Normalise(text), out var v) ? v : null;

    public AccreditationStatus? Status(string text) => _statuses.TryGetValue(NameNormaliser.Normalise(text), out var v) ? v : null;
}

/// <summary>
/// Organisations already known (in the database, or earlier rows of the file) by normalised name,
/// acronym and website: finding a duplicate is a dictionary look-up, so 20,000 rows take no time.
/// </summary>
public sealed class KnownOrganisations
{
    private readonly Dictionary<string, (int Id, string Name)> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Id, string Name)> _byAcronym = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Id, string Name)> _byWebsite = new(StringComparer.Ordinal);

    public void Add(int id, string name, IEnumerable<string> normalisedNames, string? normalisedAcronym, string? normalisedWebsite)
    {
        foreach (var n in normalisedNames.Where(n => n.Length > 0))
        {
            _byName.TryAdd(n, (id, name));
        }

        if (!string.IsNullOrEmpty(normalisedAcronym))
        {
            _byAcronym.TryAdd(normalisedAcronym, (id, name));
        }

        if (!string.IsNullOrEmpty(normalisedWebsite))
        {
            _byWebsite.TryAdd(normalisedWebsite, (id, name));
        }
    }

    public void Add(int id, ImportedOrganisation row) =>
        Add(id, row.Name, row.NormalisedNames(), NameNormaliser.NormaliseAcronym(row.Acronym), NameNormaliser.NormaliseWebsite(row.Website));

    public (int Id, string Name)? MatchName(ImportedOrganisation row)
    {
        foreach (var n in row.NormalisedNames())
        {
            if (_byName.TryGetValue(n, out var found))
            {
                return found;
            }
        }

        return null;
    }

    public (DuplicateField Field, int Id, string Name)? MatchAcronymOrWebsite(ImportedOrganisation row)
    {
        if (_byAcronym.TryGetValue(NameNormaliser.NormaliseAcronym(row.Acronym), out var byAcronym))
        {
            return (DuplicateField.Acronym, byAcronym.Id, byAcronym.Name);
        }

        if (_byWebsite.TryGetValue(NameNormaliser.NormaliseWebsite(row.Website), out var byWebsite))
        {
            return (DuplicateField.Website, byWebsite.Id, byWebsite.Name);
        }

        return null;
    }

    public (DuplicateField Field, int Id, string Name)? Match(ImportedOrganisation row) =>
        MatchName(row) is { } byName ? (DuplicateField.Name, byName.Id, byName.Name) : MatchAcronymOrWebsite(row);
}

/// <summary>Reads the rows of an import file (CSV or spreadsheet, as text cells) and sorts them into new, duplicate and invalid.</summary>
public static class OrganisationImport
{
    public const int MaxRows = 20_000;
    public const int MaxNameLength = 400;
    public const int MaxAcronymLength = 50;
    public const int MaxWebsiteLength = 300;
    public const int MaxEmailLength = 256;

    public const string NameColumn = "Name";
    public const string LanguageColumn = "Language";
    public const string AcronymColumn = "Acronym";
    public const string CategoryColumn = "Category";
    public const string CountryColumn = "Country";
    public const string WebsiteColumn = "Website";
    public const string EmailColumn = "Email";
    public const string AccreditationColumn = "Accreditation";
    public const string AccreditationStatusColumn = "AccreditationStatus";

    public static string NameColumnFor(string language) => $"Name_{language}";

    /// <summary>The columns in the order an export writes them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        NameColumn, LanguageColumn, AcronymColumn, CategoryColumn, CountryColumn, WebsiteColumn, EmailColumn,
        .. Languages.All.Select(NameColumnFor), AccreditationColumn, AccreditationStatusColumn,
    ];

    private static readonly Dictionary<string, string> _languageNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["arabic"] = Languages.Arabic, ["chinese"] = Languages.Chinese, ["english"] = Languages.English,
        ["french"] = Languages.French, ["russian"] = Languages.Russian, ["spanish"] = Languages.Spanish,
    };

    /// <summary>
    /// Reads the records of a file: the first non-blank one names the columns (any order, any case),
    /// the rest are organisations. Refuses a file without a Name column, without rows or with too many.
    /// </summary>
    public static List<ImportedOrganisation> Read(IReadOnlyList<string[]> records, ImportVocabulary vocabulary)
    {
        var headerIndex = 0;
        while (headerIndex < records.Count && IsBlank(records[headerIndex]))
        {
            headerIndex++;
        }

        if (headerIndex == records.Count)
        {
            throw new DomainException("The file is empty.");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var header = records[headerIndex];
        for (var i = 0; i < header.Length; i++)
        {
            columns.TryAdd(ColumnKey(header[i]), i);
        }

        if (!columns.ContainsKey(ColumnKey(NameColumn)))
        {
            throw new DomainException("The file has no Name column. Its first row must name the columns: Name, Language, Acronym, Category, Country, Website, Email.");
        }

        var dataRows = records.Count - headerIndex - 1 - records.Skip(headerIndex + 1).Count(IsBlank);
        if (dataRows == 0)
        {
            throw new DomainException("The file has a header row but no organisations.");
        }

        if (dataRows > MaxRows)
        {
            throw new DomainException("The file has more than {0} rows. Split it into smaller files.", MaxRows);
        }

        var rows = new List<ImportedOrganisation>(dataRows);
        var countries = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var r = headerIndex + 1; r < records.Count; r++)
        {
            if (!IsBlank(records[r]))
            {
                rows.Add(ReadRow(r + 1, records[r], columns, vocabulary, countries));
            }
        }

        return rows;
    }

    /// <summary>Marks each valid row New, or duplicate of a known organisation or of an earlier row; names are compared before acronyms and websites.</summary>
    public static void Classify(IReadOnlyList<ImportedOrganisation> rows, KnownOrganisations existing)
    {
        var earlier = new KnownOrganisations();
        foreach (var row in rows)
        {
            row.MatchedOn = null;
            row.ExistingOrganisationId = null;
            row.ExistingName = null;
            row.DuplicateOfRow = null;
            if (row.Problems.Count > 0)
            {
                row.Status = ImportRowStatus.Invalid;
                continue;
            }

            if (existing.MatchName(row) is { } sameName)
            {
                MarkExisting(row, DuplicateField.Name, sameName.Id, sameName.Name);
            }
            else if (earlier.MatchName(row) is { } sameNameInFile)
            {
                MarkInFile(row, DuplicateField.Name, sameNameInFile.Id);
            }
            else if (existing.MatchAcronymOrWebsite(row) is { } similar)
            {
                MarkExisting(row, similar.Field, similar.Id, similar.Name);
            }
            else if (earlier.MatchAcronymOrWebsite(row) is { } similarInFile)
            {
                MarkInFile(row, similarInFile.Field, similarInFile.Id);
            }
            else
            {
                row.Status = ImportRowStatus.New;
            }

            earlier.Add(row.Row, row);
        }
    }

    private static void MarkExisting(ImportedOrganisation row, DuplicateField field, int id, string name)
    {
        row.Status = ImportRowStatus.DuplicateOfExisting;
        row.MatchedOn = field;
        row.ExistingOrganisationId = id;
        row.ExistingName = name;
    }

    private static void MarkInFile(ImportedOrganisation row, DuplicateField field, int otherRow)
    {
        row.Status = ImportRowStatus.DuplicateInFile;
        row.MatchedOn = field;
        row.DuplicateOfRow = otherRow;
    }

    private static ImportedOrganisation ReadRow(int rowNumber, string[] cells, Dictionary<string, int> columns, ImportVocabulary vocabulary, Dictionary<string, string?> countries)
    {
        string Cell(string column) =>
            columns.TryGetValue(ColumnKey(column), out var i) && i < cells.Length ? CellText(cells[i]) : "";

        var row = new ImportedOrganisation { Row = rowNumber };
        var problems = row.Problems;

        row.Name = Cell(NameColumn);
        if (row.Name.Length == 0)
        {
            problems.Add(new(ImportProblem.MissingName, null));
        }
        else if (row.Name.Length > MaxNameLength)
        {
            problems.Add(new(ImportProblem.NameTooLong, row.Name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var language = Cell(LanguageColumn);
        if (language.Length == 0)
        {
            row.Language = Languages.English;
        }
        else if (Languages.IsSupported(language.ToLowerInvariant()))
        {
            row.Language = language.ToLowerInvariant();
        }
        else if (_languageNames.TryGetValue(language, out var code))
        {
            row.Language = code;
        }
        else
        {
            problems.Add(new(ImportProblem.UnknownLanguage, language));
        }

        foreach (var l in Languages.All)
        {
            var translated = Cell(NameColumnFor(l));
            if (translated.Length == 0 || l == row.Language)
            {
                continue;
            }

            if (translated.Length > MaxNameLength)
            {
                problems.Add(new(ImportProblem.TranslatedNameTooLong, l));
            }

            row.Names[l] = translated;
        }

        var acronym = Cell(AcronymColumn);
        row.Acronym = acronym.Length == 0 ? null : acronym;
        if (acronym.Length > MaxAcronymLength)
        {
            problems.Add(new(ImportProblem.AcronymTooLong, acronym));
        }

        var category = Cell(CategoryColumn);
        if (category.Length == 0)
        {
            problems.Add(new(ImportProblem.MissingCategory, null));
        }
        else if (vocabulary.Category(category) is { } c)
        {
            row.Category = c;
        }
        else
        {
            problems.Add(new(ImportProblem.UnknownCategory, category));
        }

        var country = Cell(CountryColumn);
        if (country.Length > 0)
        {
            // A file names few countries many times: each is looked up once.
            if (!countries.TryGetValue(country, out var code))
            {
                code = Countries.Find(country);
                countries[country] = code;
            }

            row.CountryCode = code;
            if (row.CountryCode is null)
            {
                problems.Add(new(ImportProblem.UnknownCountry, country));
            }
        }

        var website = Cell(WebsiteColumn);
        if (website.Length > 0)
        {
            row.Website = website;
            if (!IsWebsite(website))
            {
                problems.Add(new(ImportProblem.BadWebsite, website));
            }
        }

        var email = Cell(EmailColumn);
        if (email.Length > 0)
        {
            row.Email = email;
            if (!IsEmail(email))
            {
                problems.Add(new(ImportProblem.BadEmail, email));
            }
        }

        var basis = Cell(AccreditationColumn);
        if (basis.Length > 0)
        {
            row.Accreditation = vocabulary.Basis(basis);
            if (row.Accreditation is null)
            {
                problems.Add(new(ImportProblem.UnknownAccreditation, basis));
            }
        }

        var status = Cell(AccreditationStatusColumn);
        if (status.Length > 0 && row.Accreditation is not null)
        {
            row.AccreditationStatus = vocabulary.Status(status);
            if (row.AccreditationStatus is null)
            {
                problems.Add(new(ImportProblem.UnknownAccreditationStatus, status));
            }
        }
        else if (row.Accreditation is not null)
        {
            row.AccreditationStatus = AccreditationStatus.Granted;
        }

        return row;
    }

    /// <summary>An address with a host that has a dot, with or without http(s)://.</summary>
    public static bool IsWebsite(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxWebsiteLength || text.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        return Uri.TryCreate(withScheme, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Contains('.', StringComparison.Ordinal)
            && !uri.Host.StartsWith('.') && !uri.Host.EndsWith('.');
    }

    public static bool IsEmail(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= MaxEmailLength
        && MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0
        && address.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>
    /// A cell's text, trimmed, with each run of control characters (tabs, line breaks...) and line or paragraph
    /// separators folded to one space: the forms cannot produce them, and a name must stay on one line.
    /// </summary>
    public static string CellText(string cell)
    {
        if (!cell.Any(IsFolded))
        {
            return cell.Trim();
        }

        var builder = new System.Text.StringBuilder(cell.Length);
        var folding = false;
        foreach (var c in cell)
        {
            if (IsFolded(c) || (folding && char.IsWhiteSpace(c)))
            {
                folding = true;
                continue;
            }

            if (folding)
            {
                while (builder.Length > 0 && char.IsWhiteSpace(builder[^1]))
                {
                    builder.Length--;
                }

                builder.Append(' ');
                folding = false;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim();
    }

    private static bool IsFolded(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    private static string ColumnKey(string header) =>
        new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static bool IsBlank(string[] record) => record.All(string.IsNullOrWhiteSpace);
}
