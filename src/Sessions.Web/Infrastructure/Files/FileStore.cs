using System.Security.Cryptography;
using Sessions.Core.Files;

namespace Sessions.Web.Infrastructure.Files;

/// <summary>
/// Stores uploads under the data directory's files/ folder (never under wwwroot), named by a new GUID.
/// The upload is checked from its own bytes (type, size, emptiness) before anything is kept.
/// </summary>
public sealed class FileStore(DataDirectory dataDirectory, TimeProvider clock) : IFileStore
{
    public async Task<StoredFile> SaveAsync(Stream content, string originalName, UploadRule rule, string? userId, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        var relative = Path.Combine("files", now.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture), id.ToString("N"));
        var path = dataDirectory.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";

        long length;
        string sha256;
        var head = new byte[16];
        var headLength = 0;
        await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = new byte[81920];
            length = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (headLength < head.Length)
                {
                    var take = Math.Min(head.Length - headLength, read);
                    Array.Copy(buffer, 0, head, headLength, take);
                    headLength += take;
                }

                length += read;
                if (length > rule.MaxBytes)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        string contentType;
        try
        {
            contentType = rule.Check(head.AsSpan(0, headLength), length);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        File.Move(temporary, path);
        return new StoredFile(id, UploadedFileName.Clean(originalName, "document"), contentType, length, sha256, relative, userId, now);
    }

    public void Delete(StoredFile file) => File.Delete(dataDirectory.Combine(file.RelativePath));

    public Stream OpenRead(StoredFile file) =>
        new FileStream(dataDirectory.Combine(file.RelativePath), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
}
