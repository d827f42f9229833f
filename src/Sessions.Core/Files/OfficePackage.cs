using System.IO.Compression;
using System.Text;
using Sessions.Core.Common;

namespace Sessions.Core.Files;

/// <summary>
/// The check every Office file (a DOCX statement, an XLSX import) passes before a library opens it. An Office
/// file is a zip archive: it is unpacked once under limits (entries, bytes actually inflated, since declared sizes
/// can lie, and compression ratio), so that a zip bomb is refused with a message instead of exhausting memory.
/// </summary>
public static class OfficePackage
{
    public const int MaxEntries = 1_000;
    public const long MaxUnpackedBytes = 50L * 1024 * 1024;

    /// <summary>An entry that inflates to more than this many times its packed size is a zip bomb, once past <see cref="RatioGraceBytes"/>.</summary>
    public const int MaxCompressionRatio = 100;

    public const long RatioGraceBytes = 1024 * 1024;

    /// <summary>
    /// Unpacks every entry of <paramref name="package"/> once and returns the text of its <c>[Content_Types].xml</c>
    /// (null when it has none), which tells what the package is. Refuses, with a <see cref="DomainException"/>, a package
    /// over the limits, and one that is not a readable zip archive with <paramref name="unreadable"/> (a message key).
    /// The stream is left open; rewind it before reading it again.
    /// </summary>
    public static string? Check(Stream package, string unreadable, long maxUnpackedBytes = MaxUnpackedBytes)
    {
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                throw new DomainException("The file has more than {0} parts and cannot be accepted.", MaxEntries);
            }

            var total = 0L;
            var chunk = new byte[81920];
            string? contentTypes = null;
            foreach (var entry in zip.Entries)
            {
                var isContentTypes = entry.FullName == "[Content_Types].xml";
                using var captured = isContentTypes ? new MemoryStream() : null;
                using var stream = entry.Open();
                var inflated = 0L;
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    inflated += read;
                    total += read;
                    if (total > maxUnpackedBytes)
                    {
                        throw new DomainException("The file is larger than {0} MB once unpacked.", maxUnpackedBytes / (1024 * 1024));
                    }

                    if (inflated > RatioGraceBytes && inflated > MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    {
                        throw new DomainException("The file is compressed in an unsafe way and cannot be accepted.");
                    }

                    captured?.Write(chunk, 0, read);
                }

                if (captured is not null)
                {
                    contentTypes = Encoding.UTF8.GetString(captured.GetBuffer(), 0, (int)captured.Length);
                }
            }

            return contentTypes;
        }
        catch (InvalidDataException)
        {
            throw new DomainException(unreadable);
        }
    }

    /// <summary>Whether the package's <c>[Content_Types].xml</c> declares one of <paramref name="mainContentTypes"/>.</summary>
    public static bool Declares(string? contentTypes, IEnumerable<string> mainContentTypes) =>
        contentTypes is not null && mainContentTypes.Any(type => contentTypes.Contains(type, StringComparison.OrdinalIgnoreCase));
}
