using System.Text;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Statements;

namespace Sessions.Web.Features.Statements.Published;

/// <summary>
/// The issued statement's own document for download: the file the submitter sent (PDF or DOCX), or for pasted text
/// the text as UTF-8. Never anything but an issued statement of a published session.
/// </summary>
public static class DownloadIssuedStatement
{
    public sealed record Download(string FileName, string ContentType, Func<Stream> Open);

    public sealed class Handler(SessionsDbContext db, IFileStore files)
    {
        /// <summary>Null when there is nothing public to download.</summary>
        public async Task<Download?> HandleAsync(int id)
        {
            var statement = await db.WrittenStatements.AsNoTracking()
                .Where(w => w.Id == id && w.Status == StatementStatus.Issued)
                .Join(db.Sessions.Where(s => s.IsPublished), w => w.SessionId, s => s.Id, (w, s) => new { Symbol = w.Symbol!, w.Format, w.FileId, w.Text })
                .SingleOrDefaultAsync();
            if (statement is null)
            {
                return null;
            }

            var file = statement.Format == StatementFormat.Text || statement.FileId is null
                ? null
                : await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == statement.FileId);
            if (file is null)
            {
                // With a byte order mark, so that editors on every system open it as UTF-8 (Arabic, Chinese, Cyrillic).
                var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(statement.Text)).ToArray();
                return new Download(IssuedDocumentFiles.FileName(statement.Symbol, StatementFormat.Text), IssuedDocumentFiles.TextContentType, () => new MemoryStream(bytes));
            }

            return new Download(IssuedDocumentFiles.FileName(statement.Symbol, statement.Format), IssuedDocumentFiles.ContentType(statement.Format), () => files.OpenRead(file));
        }
    }
}
