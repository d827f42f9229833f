using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Files;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// Session documents written straight to the database through the document's own rules, with real stored files (the
/// app's <see cref="IFileStore"/>), for the tests of what the public reads.
/// </summary>
public static class PublicDocumentBuilders
{
    /// <summary>One uploaded file: a language repeated is a later revision of that language.</summary>
    public sealed record FileSpec(string Language, byte[] Bytes, string FileName = "upload.pdf");

    /// <summary>What a document is made of; <see cref="SymbolTail"/> follows the session's symbol and "/".</summary>
    public sealed record DocumentSpec(string SymbolTail, TranslatedText Title)
    {
        public DocumentKind Kind { get; init; } = DocumentKind.PreSession;

        /// <summary>Null: a draft.</summary>
        public DateOnly? DistributedOn { get; init; } = new(2023, 4, 12);

        public IReadOnlyList<int> AgendaItemIds { get; init; } = [];
        public IReadOnlyList<FileSpec> Files { get; init; } = [];
        public bool AdvanceUnedited { get; init; }
        public bool Reissued { get; init; }
    }

    /// <summary>A title in English with the given translations ("ar", "عنوان").</summary>
    public static TranslatedText Title(string english, params (string Language, string Text)[] translations)
    {
        var title = TranslatedText.English(english);
        foreach (var (language, text) in translations)
        {
            title.Translate(language, text);
        }

        return title;
    }

    /// <summary>A PDF in <paramref name="language"/> whose bytes say what it is.</summary>
    public static FileSpec Pdf(string language, string text = "") => new(language, TestPdf.Bytes($"{language} {text}"), $"doc_{language}.pdf");

    public static Task<int> AddSessionDocumentAsync(this SessionsAppFactory factory, int sessionId, DocumentSpec spec) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var store = sp.GetRequiredService<IFileStore>();
            var sessionSymbol = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleAsync();
            var document = new SessionDocument(sessionId, sessionSymbol, $"{sessionSymbol}/{spec.SymbolTail}", spec.Kind, spec.Title, DateTime.UtcNow)
            {
                AdvanceUnedited = spec.AdvanceUnedited,
                ReissuedForTechnicalReasons = spec.Reissued,
            };
            document.Distribute(spec.DistributedOn);
            document.IssueUnder(spec.AgendaItemIds);
            var at = new DateTime(2023, 4, 1, 9, 0, 0, DateTimeKind.Utc);
            foreach (var file in spec.Files)
            {
                var stored = await store.SaveAsync(new MemoryStream(file.Bytes), file.FileName, UploadRule.StatementDocument, null);
                db.StoredFiles.Add(stored);
                document.AddFile(file.Language, stored.Id, null, at);
                at = at.AddDays(1);
            }

            db.Documents.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        });
}
