using System.Text.RegularExpressions;
using Sessions.Core.Common;

namespace Sessions.Core.Documents;

/// <summary>What a session document is, as the documents list groups and filters them.</summary>
public enum DocumentKind
{
    /// <summary>Issued before the session: the agenda, the annotated agenda, reports to the session (HSP/HA.2/4/Add.2).</summary>
    PreSession = 1,

    /// <summary>Issued during the session: limited-distribution drafts (L.) and conference room papers (CRP.).</summary>
    InSession = 2,

    /// <summary>Information documents (INF.).</summary>
    Information = 3,

    /// <summary>The report of the session.</summary>
    Report = 4,

    /// <summary>Decisions and resolutions adopted.</summary>
    Decision = 5,
}

/// <summary>
/// An official document of a session: its symbol under the session's (HSP/HA.2/4/Add.2), its title in the languages it
/// exists in (the original's language is the document's original language), the agenda items it is issued under, and
/// one file per language version (<see cref="DocumentFile"/>, replaced versions kept). A document without a date of
/// distribution is a draft: the secretariat sees it, the public does not.
/// </summary>
public partial class SessionDocument
{
    public const int MaxSymbolLength = 80;
    public const int MaxTitleLength = 1000;

    private readonly List<DocumentAgendaItem> _agendaItems = [];
    private readonly List<DocumentFile> _files = [];

    private SessionDocument()
    {
    }

    public SessionDocument(int sessionId, string sessionSymbol, string symbol, DocumentKind kind, TranslatedText title, DateTime createdAt)
    {
        SessionId = sessionId;
        Renumber(sessionSymbol, symbol);
        Classify(kind);
        Title = title;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }

    /// <summary>The full symbol, e.g. HSP/HA.2/4/Add.2; unique across all sessions.</summary>
    public string Symbol { get; private set; } = "";

    public DocumentKind Kind { get; private set; }

    /// <summary>The title in each language the document exists in; its original language is the document's.</summary>
    public TranslatedText Title { get; private set; } = null!;

    public string OriginalLanguage => Title.OriginalLanguage;

    /// <summary>The date of distribution printed on the document; none while it is a draft.</summary>
    public DateOnly? DistributedOn { get; private set; }

    /// <summary>"Advance unedited version": distributed before editing.</summary>
    public bool AdvanceUnedited { get; set; }

    /// <summary>"Reissued for technical reasons".</summary>
    public bool ReissuedForTechnicalReasons { get; set; }

    /// <summary>Demo data (generated placeholder files) is labelled as such on screen.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; private set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyCollection<DocumentAgendaItem> AgendaItems => _agendaItems.AsReadOnly();
    public IReadOnlyCollection<DocumentFile> Files => _files.AsReadOnly();

    public bool IsDraft => DistributedOn is null;

    /// <summary>
    /// The symbol must continue the session's with "/" and a part made of letters, digits and . / - ( ): "HSP/HA.2/4/Add.2",
    /// "HSP/HA.2/INF/1", "HSP/HA.2/L.3", "HSP/HA.2/CRP.1". Spaces around it are dropped.
    /// </summary>
    public static string CheckSymbol(string sessionSymbol, string symbol)
    {
        var trimmed = (symbol ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("The document needs a symbol.");
        }

        var prefix = sessionSymbol + "/";
        if (trimmed.Length > MaxSymbolLength
            || !trimmed.StartsWith(prefix, StringComparison.Ordinal)
            || !SymbolTail().IsMatch(trimmed[prefix.Length..]))
        {
            throw new DomainException("A document symbol of this session starts with {0}/ and goes on with letters, digits and . / - ( ), e.g. {0}/4/Add.2.", sessionSymbol);
        }

        return trimmed;
    }

    public void Renumber(string sessionSymbol, string symbol) => Symbol = CheckSymbol(sessionSymbol, symbol);

    public void Classify(DocumentKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choose the kind of document.");
        }

        Kind = kind;
    }

    /// <summary>Sets the date of distribution (the document is public from then on) or, with none, makes it a draft again.</summary>
    public void Distribute(DateOnly? on) => DistributedOn = on;

    /// <summary>The agenda items the document is issued under (at least one for a pre-session document is the secretariat's habit, not a rule).</summary>
    public void IssueUnder(IEnumerable<int> agendaItemIds)
    {
        var wanted = agendaItemIds.Distinct().ToHashSet();
        _agendaItems.RemoveAll(a => !wanted.Contains(a.AgendaItemId));
        foreach (var id in wanted.Where(id => _agendaItems.All(a => a.AgendaItemId != id)))
        {
            _agendaItems.Add(new DocumentAgendaItem(id));
        }
    }

    /// <summary>The version of each language now offered: the latest file in that language.</summary>
    public IReadOnlyList<DocumentFile> CurrentFiles =>
        _files.GroupBy(f => f.Language).Select(g => g.MaxBy(f => f.Revision)!).OrderBy(f => Languages.All.ToList().IndexOf(f.Language)).ToList();

    /// <summary>The languages with no file yet.</summary>
    public IEnumerable<string> MissingLanguages => Languages.All.Where(l => _files.All(f => f.Language != l));

    /// <summary>
    /// Adds a language version (or replaces the current one: earlier files stay and are listed). Its revision is the next
    /// in that language; a unique index over (document, language, revision) refuses a second upload made at the same time.
    /// </summary>
    public DocumentFile AddFile(string language, Guid storedFileId, string? uploadedByUserId, DateTime at)
    {
        if (!Languages.IsSupported(language))
        {
            throw new DomainException("Choose one of the six UN languages.");
        }

        var revision = _files.Where(f => f.Language == language).Select(f => f.Revision).DefaultIfEmpty(0).Max() + 1;
        var file = new DocumentFile(language, revision, storedFileId, uploadedByUserId, at);
        _files.Add(file);
        return file;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9./()\-]*$")]
    private static partial Regex SymbolTail();
}

/// <summary>One agenda item a document is issued under.</summary>
public class DocumentAgendaItem
{
    private DocumentAgendaItem()
    {
    }

    public DocumentAgendaItem(int agendaItemId)
    {
        AgendaItemId = agendaItemId;
    }

    public int Id { get; private set; }
    public int DocumentId { get; private set; }
    public int AgendaItemId { get; private set; }
}

/// <summary>
/// One file of one language version of a document. Replacing a version adds a file with the next <see cref="Revision"/>;
/// the highest revision in a language is the one offered.
/// </summary>
public class DocumentFile
{
    private DocumentFile()
    {
    }

    public DocumentFile(string language, int revision, Guid storedFileId, string? uploadedByUserId, DateTime uploadedAt)
    {
        Language = language;
        Revision = revision;
        StoredFileId = storedFileId;
        UploadedByUserId = uploadedByUserId;
        UploadedAt = uploadedAt;
    }

    public int Id { get; private set; }
    public int DocumentId { get; private set; }
    public string Language { get; private set; } = "";
    public int Revision { get; private set; }
    public Guid StoredFileId { get; private set; }
    public Files.StoredFile? StoredFile { get; private set; }
    public string? UploadedByUserId { get; private set; }
    public DateTime UploadedAt { get; private set; }

    /// <summary>When the availability notice listed this version; none until then (the daily batch picks these up).</summary>
    public DateTime? AnnouncedAt { get; set; }
}
