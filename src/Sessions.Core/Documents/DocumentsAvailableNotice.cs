using Sessions.Core.Common;
using Sessions.Core.Notices;

namespace Sessions.Core.Documents;

/// <summary>
/// The daily notice that documents of a session became available: one row per session and day at the venue, written in
/// the same transaction as the outbox rows and the <see cref="DocumentFile.AnnouncedAt"/> of the files it lists. The unique
/// index over (session, day) is the claim: of two runs on the same day, the second writes nothing, so a recipient hears
/// of a session's documents at most once a day.
/// </summary>
public class DocumentsAvailableNotice
{
    private DocumentsAvailableNotice()
    {
    }

    public DocumentsAvailableNotice(int sessionId, DateOnly day, DateTime sentAt)
    {
        SessionId = sessionId;
        Day = day;
        SentAt = sentAt;
    }

    public int Id { get; private set; }
    public int SessionId { get; private set; }

    /// <summary>The day at the venue's clock the batch belongs to.</summary>
    public DateOnly Day { get; private set; }

    public DateTime SentAt { get; private set; }
    public int DocumentCount { get; set; }
    public int RecipientCount { get; set; }

    /// <summary>A document with something no notice has listed yet: its title and the languages it has a file in.</summary>
    public sealed record NewDocument(int DocumentId, string Symbol, TranslatedText Title, IReadOnlyCollection<string> Languages);

    /// <summary>
    /// The lines of the notice for a reader of <paramref name="language"/>, in symbol order: the symbol and the title in
    /// their language (or the original), linked to the version in their language where there is one, else to the
    /// document's page (<paramref name="documentsUrl"/> is the absolute address of the session's documents page).
    /// </summary>
    public static IReadOnlyList<NoticeValue.ListingLine> Lines(IEnumerable<NewDocument> documents, string language, string documentsUrl) =>
        documents
            .OrderBy(d => d.Symbol, StringComparer.Ordinal)
            .Select(d =>
            {
                var title = d.Title.In(language);
                var page = $"{documentsUrl}/{d.DocumentId}";
                return new NoticeValue.ListingLine($"{d.Symbol} — {title.Text}", d.Languages.Contains(language) ? $"{page}/{language}" : page, title.Language);
            })
            .ToList();
}
