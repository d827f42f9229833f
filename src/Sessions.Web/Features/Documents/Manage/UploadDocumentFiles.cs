using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Core.Files;
using Sessions.Core.Statements;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Documents.Manage;

/// <summary>
/// Adds language versions to a document: one file in a chosen language, or several at once whose names carry their
/// language (<see cref="DocumentFileLanguages"/>). Each file must be a PDF or a real Word package, by its content,
/// not empty and at most <see cref="UploadRule.SessionDocument"/>'s size. An upload goes in whole or not at all: when
/// one file is refused, none of the others is kept, so the list never shows half of a set the secretariat meant to
/// replace together, and the same selection can simply be sent again once the refused file is put right. A version
/// already there is replaced by the next revision; the earlier stays listed.
/// </summary>
public static class UploadDocumentFiles
{
    /// <summary>Six versions at the largest size, and the form around them.</summary>
    public const long MaxRequestBytes = 6 * 50L * 1024 * 1024 + 1024 * 1024;

    /// <summary>The form field of the files (and of the refusals).</summary>
    public const string Field = "Files";

    public const string LanguageField = "Language";

    public const string TakenMeanwhile = "This language version was just replaced by someone else; look at the list and upload again if yours is newer.";

    public sealed class Command
    {
        /// <summary>The language of the one file; empty to read each file's language from its name.</summary>
        public string? Language { get; set; }

        public IReadOnlyList<IFormFile> Files { get; set; } = [];
    }

    /// <summary>What went in: the languages, in order.</summary>
    public sealed record Uploaded(IReadOnlyList<string> Languages);

    public sealed class Handler(SessionsDbContext db, IFileStore store, TimeProvider clock, IStringLocalizer<Text> t)
    {
        /// <summary>Null when it is not a document of the session. Refusals are <see cref="DomainException"/>s on <see cref="Field"/>.</summary>
        public async Task<Uploaded?> HandleAsync(int sessionId, int documentId, Command command, string? userId, CancellationToken cancellationToken = default)
        {
            var document = await db.Documents.Include(d => d.Files)
                .SingleOrDefaultAsync(d => d.Id == documentId && d.SessionId == sessionId, cancellationToken);
            if (document is null)
            {
                return null;
            }

            var files = command.Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
            if (files.Count == 0)
            {
                throw new DomainException("Choose the file or files to upload.").On(Field);
            }

            var chosen = string.IsNullOrEmpty(command.Language) ? null : command.Language;
            if (chosen is not null && !Languages.IsSupported(chosen))
            {
                throw new DomainException("Choose one of the six UN languages.").On(LanguageField);
            }

            if (chosen is not null && files.Count > 1)
            {
                throw new DomainException("Choose one file when you choose its language, or leave the language to the file names.").On(Field);
            }

            var checks = new RuleChecks();
            var languages = new List<string?>();
            foreach (var file in files)
            {
                string? language = chosen;
                checks.Check(() => language ??= DocumentFileLanguages.Of(file.FileName), Field);
                languages.Add(language);
            }

            foreach (var twice in languages.Select((l, i) => (Language: l, File: files[i])).Where(x => x.Language is not null).GroupBy(x => x.Language).Where(g => g.Count() > 1))
            {
                checks.Check(() => throw new DomainException("{0} are all in the same language: upload one file per language.", string.Join(", ", twice.Select(x => NameOf(x.File)))), Field);
            }

            checks.ThrowIfAnyRefused();

            var stored = new List<StoredFile>();
            try
            {
                foreach (var file in files)
                {
                    try
                    {
                        stored.Add(await StoreAsync(file, userId, cancellationToken));
                    }
                    catch (DomainException refusal)
                    {
                        checks.Check(() => throw new DomainException(
                            "{0} was refused: {1} None of the files of this upload were kept; put this one right and upload them again.",
                            NameOf(file),
                            t.Refusal(refusal)), Field);
                    }
                }

                checks.ThrowIfAnyRefused();
                var now = clock.GetUtcNow().UtcDateTime;
                for (var i = 0; i < files.Count; i++)
                {
                    db.StoredFiles.Add(stored[i]);
                    document.AddFile(languages[i]!, stored[i].Id, userId, now);
                }

                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 })
            {
                // SQLITE_CONSTRAINT_UNIQUE on (document, language, revision): another upload of the same version was saved first.
                Discard(stored);
                throw new DomainException(TakenMeanwhile).On(Field);
            }
            catch
            {
                Discard(stored);
                throw;
            }

            return new Uploaded(languages.Select(l => l!).ToList());
        }

        private async Task<StoredFile> StoreAsync(IFormFile file, string? userId, CancellationToken cancellationToken)
        {
            // The declared length says "too large" or "empty" before a byte is read; the store checks the bytes again.
            UploadRule.SessionDocument.Check(UploadRule.SessionDocument.Signature, file.Length);
            await using var content = file.OpenReadStream();
            var stored = await store.SaveAsync(content, file.FileName, UploadRule.SessionDocument, userId, cancellationToken);
            if (stored.ContentType == StatementDocuments.DocxContentType)
            {
                try
                {
                    await using var package = store.OpenRead(stored);
                    if (!StatementDocuments.IsWordPackage(package))
                    {
                        throw new DomainException("The file is not a Word (DOCX) or PDF document.");
                    }
                }
                catch
                {
                    store.Delete(stored);
                    throw;
                }
            }

            return stored;
        }

        private void Discard(IEnumerable<StoredFile> stored)
        {
            foreach (var file in stored)
            {
                store.Delete(file);
            }
        }

        private static string NameOf(IFormFile file) => UploadedFileName.Clean(file.FileName, "document");
    }
}
