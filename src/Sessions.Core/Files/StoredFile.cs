using Sessions.Core.Common;
using Sessions.Core.Statements;

namespace Sessions.Core.Files;

/// <summary>
/// An uploaded document (a nomination letter, a credentials letter, an accreditation document). The bytes
/// live under the data directory, outside wwwroot, under a generated name; the original name is kept only
/// to offer it back on download.
/// </summary>
public class StoredFile
{
    private StoredFile()
    {
    }

    public StoredFile(Guid id, string originalName, string contentType, long size, string sha256, string relativePath, string? storedByUserId, DateTime storedAt)
    {
        Id = id;
        OriginalName = originalName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        RelativePath = relativePath;
        StoredByUserId = storedByUserId;
        StoredAt = storedAt;
    }

    public Guid Id { get; private set; }
    public string OriginalName { get; private set; } = "";

    /// <summary>Sniffed from the content, never taken from the upload's headers.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public string RelativePath { get; private set; } = "";
    public string? StoredByUserId { get; private set; }
    public DateTime StoredAt { get; private set; }
}

/// <summary>Keeps and reads the bytes of <see cref="StoredFile"/>s.</summary>
public interface IFileStore
{
    /// <summary>
    /// Checks the upload against <paramref name="rule"/>, stores it and returns the (unsaved) record to add to the DbContext;
    /// its original name is kept as <see cref="UploadedFileName.Clean"/> makes it.
    /// </summary>
    Task<StoredFile> SaveAsync(Stream content, string originalName, UploadRule rule, string? userId, CancellationToken cancellationToken = default);

    Stream OpenRead(StoredFile file);

    /// <summary>Removes the bytes (the caller removes the record); nothing happens when they are already gone.</summary>
    void Delete(StoredFile file);
}

/// <summary>One kind of file an <see cref="UploadRule"/> accepts, known by its first bytes.</summary>
public sealed record UploadKind(string ContentType, byte[] Signature);

/// <summary>
/// What an upload must be. Refusals are <see cref="DomainException"/>s the form shows. A rule may accept other
/// kinds besides its own (<see cref="Alternatives"/>); the stored file's content type is the kind its bytes match.
/// </summary>
public sealed record UploadRule(long MaxBytes, string ContentType, byte[] Signature)
{
    /// <summary>A PDF by its content (it starts with "%PDF-"), whatever its name says, at most 10 MB.</summary>
    public static readonly UploadRule Pdf = new(10 * 1024 * 1024, "application/pdf", "%PDF-"u8.ToArray());

    /// <summary>A written statement: a PDF ("%PDF-") or a Word document (a zip archive, "PK\x03\x04"), at most 10 MB.</summary>
    public static readonly UploadRule StatementDocument = new(StatementDocuments.MaxDocumentBytes, StatementDocuments.PdfContentType, "%PDF-"u8.ToArray())
    {
        Alternatives = [new UploadKind(StatementDocuments.DocxContentType, [0x50, 0x4B, 0x03, 0x04])],
        Refusal = "The file is not a Word (DOCX) or PDF document.",
    };

    /// <summary>A language version of a session document: a PDF or a Word document (checked again as a real Word package), at most 50 MB.</summary>
    public static readonly UploadRule SessionDocument = new(50L * 1024 * 1024, StatementDocuments.PdfContentType, "%PDF-"u8.ToArray())
    {
        Alternatives = [new UploadKind(StatementDocuments.DocxContentType, [0x50, 0x4B, 0x03, 0x04])],
        Refusal = "The file is not a Word (DOCX) or PDF document.",
    };

    /// <summary>A grounds-pass photo as re-encoded by the server (a JPEG), never as uploaded.</summary>
    public static readonly UploadRule GroundsPassPhoto = new(5 * 1024 * 1024, "image/jpeg", [0xFF, 0xD8, 0xFF]) { Refusal = "The photo must be a JPEG or PNG image." };

    public IReadOnlyList<UploadKind> Alternatives { get; init; } = [];

    /// <summary>The message key when the content matches none of the kinds.</summary>
    public string Refusal { get; init; } = "The file is not a PDF document.";

    /// <summary>
    /// Refuses an empty, oversized or wrongly typed upload, from its first bytes and its length, and returns the
    /// content type of the kind the bytes match.
    /// </summary>
    public string Check(ReadOnlySpan<byte> head, long length)
    {
        if (length == 0)
        {
            throw new DomainException("The file is empty.");
        }

        if (length > MaxBytes)
        {
            throw new DomainException("The file is larger than {0} MB.", MaxBytes / (1024 * 1024));
        }

        if (head.StartsWith(Signature))
        {
            return ContentType;
        }

        foreach (var kind in Alternatives)
        {
            if (head.StartsWith(kind.Signature))
            {
                return kind.ContentType;
            }
        }

        throw new DomainException(Refusal);
    }
}
