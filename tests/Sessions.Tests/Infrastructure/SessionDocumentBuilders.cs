using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Files;

namespace Sessions.Tests.Infrastructure;

/// <summary>Session documents written straight to the app's database, with their language versions stored as real files.</summary>
public static class SessionDocumentBuilders
{
    /// <summary>A document of the session ("&lt;session symbol&gt;/&lt;tail&gt;"), a draft unless <paramref name="distributedOn"/>, with a small PDF in each of <paramref name="languages"/>.</summary>
    public static Task<int> AddDocumentAsync(this SessionsAppFactory factory, int sessionId, string tail, DocumentKind kind = DocumentKind.PreSession, DateOnly? distributedOn = null, string title = "Cooperation with partners", params string[] languages) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var store = sp.GetRequiredService<IFileStore>();
            var symbol = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleAsync();
            var document = new SessionDocument(sessionId, symbol, $"{symbol}/{tail}", kind, TranslatedText.English(title), DateTime.UtcNow);
            document.Distribute(distributedOn);
            foreach (var language in languages)
            {
                var stored = await store.SaveAsync(new MemoryStream(TestPdf.Bytes($"{tail} {language}")), $"{tail}_{language}.pdf", UploadRule.SessionDocument, null);
                db.StoredFiles.Add(stored);
                document.AddFile(language, stored.Id, null, DateTime.UtcNow);
            }

            db.Documents.Add(document);
            await db.SaveChangesAsync();
            return document.Id;
        });

    /// <summary>The languages of a document's files with their revisions, as stored.</summary>
    public static Task<List<(string Language, int Revision)>> DocumentFilesAsync(this SessionsAppFactory factory, int documentId) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var files = await db.DocumentFiles.AsNoTracking().Where(f => f.DocumentId == documentId)
                .Select(f => new { f.Language, f.Revision }).ToListAsync();
            return files.Select(f => (f.Language, f.Revision)).OrderBy(f => f.Language).ThenBy(f => f.Revision).ToList();
        });
}
