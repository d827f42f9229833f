using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Files;

namespace Sessions.Web.Features.Documents.Zip;

/// <summary>
/// What the ZIP of a session's documents in one language holds: every distributed document (drafts never), by symbol,
/// with its current file in that language or none (then the README lists it); and the key of that state, which
/// changes with any upload, distribution, withdrawal or retitling, so that a ZIP is reused exactly while it is up to date.
/// One row per document (its file's record, never its bytes): what is held in memory grows by a few hundred bytes a document.
/// </summary>
public static class DocumentZipContents
{
    public sealed record Entry(int DocumentId, string Symbol, string Title, string TitleLanguage, StoredFile? File);

    public sealed record Contents(IReadOnlyList<Entry> Entries, string Key)
    {
        public int Files => Entries.Count(e => e.File is not null);

        public int Missing => Entries.Count(e => e.File is null);
    }

    public static async Task<Contents> ReadAsync(SessionsDbContext db, int sessionId, string language, CancellationToken cancellationToken)
    {
        var rows = await db.Documents.AsNoTracking()
            .Where(d => d.SessionId == sessionId && d.DistributedOn != null)
            .OrderBy(d => d.Symbol)
            .Select(d => new
            {
                d.Id,
                d.Symbol,
                d.Title,
                File = d.Files.Where(f => f.Language == language).OrderByDescending(f => f.Revision).Select(f => f.StoredFile).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var entries = new List<Entry>(rows.Count);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in rows)
        {
            var title = row.Title.In(language);
            entries.Add(new Entry(row.Id, row.Symbol, title.Text, title.Language, row.File));
            hash.AppendData(Encoding.UTF8.GetBytes($"{row.Id}\u001f{row.Symbol}\u001f{row.File?.Id}\u001f{title.Language}\u001f{title.Text}\u001e"));
        }

        return new Contents(entries, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
