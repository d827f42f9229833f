using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Localization;
using Sessions.Core.Documents;
using Sessions.Core.Files;
using Sessions.Core.Sessions;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Documents.Zip;

/// <summary>
/// Writes the ZIP of a session's documents in one language to a stream: a README.txt first (what the ZIP is, and the
/// documents with no version in the language), then each current version under its download name
/// (<see cref="DocumentFileNames.Of"/>), copied from the file store through a buffer: never a whole file in memory, so
/// memory stays flat in the number and size of the files. PDFs and DOCX files are compressed already: they are stored
/// as they are (<see cref="CompressionLevel.NoCompression"/>; docs/benchmarks.md has Fastest against it).
/// Texts are in the current UI culture: the caller renders in the ZIP's language.
/// </summary>
public static class WriteDocumentZip
{
    public const string ReadmeName = "README.txt";

    /// <summary>The session's symbol and title; when the ZIP is prepared and the files' dates are shown in its venue's time zone.</summary>
    public sealed record Session(string Symbol, string Title, string TimeZoneId, DateTime PreparedAtUtc)
    {
        public DateTime PreparedAt => VenueClock.ToLocal(PreparedAtUtc, TimeZoneId);
    }

    /// <summary>Told after each file: how many are in the ZIP so far.</summary>
    public delegate Task Progress(int filesDone, CancellationToken cancellationToken);

    public sealed class Handler(IFileStore files, IStringLocalizer<Text> t)
    {
        public async Task WriteAsync(
            Session session,
            string language,
            DocumentZipContents.Contents contents,
            Stream output,
            Progress? progress,
            CancellationToken cancellationToken,
            CompressionLevel level = CompressionLevel.NoCompression)
        {
            await using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
            var readme = archive.CreateEntry(ReadmeName, CompressionLevel.Optimal);
            readme.LastWriteTime = session.PreparedAt;
            await using (var stream = await readme.OpenAsync(cancellationToken))
            await using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                await writer.WriteAsync(Readme(session, language, contents));
            }

            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ReadmeName };
            var done = 0;
            foreach (var entry in contents.Entries)
            {
                if (entry.File is not { } file)
                {
                    continue;
                }

                var zipped = archive.CreateEntry(UniqueName(names, DocumentFileNames.Of(entry.Symbol, language, file.ContentType)), level);
                zipped.LastWriteTime = VenueClock.ToLocal(file.StoredAt, session.TimeZoneId);
                await using (var source = files.OpenRead(file))
                await using (var target = await zipped.OpenAsync(cancellationToken))
                {
                    await source.CopyToAsync(target, 81920, cancellationToken);
                }

                done++;
                if (progress is not null)
                {
                    await progress(done, cancellationToken);
                }
            }
        }

        private string Readme(Session session, string language, DocumentZipContents.Contents contents)
        {
            var text = new StringBuilder();
            void Line(string line = "") => text.Append(line).Append("\r\n");
            Line($"{session.Symbol} — {session.Title}");
            Line(t["Documents in {0}, prepared on {1}.", Cultures.Endonym(language), session.PreparedAt.DateAndTime()]);
            Line(t["Files in this ZIP: {0}.", contents.Files]);
            Line();
            if (contents.Missing == 0)
            {
                Line(t["Every distributed document has a version in this language."]);
                return text.ToString();
            }

            Line(t["These documents have no version in this language yet ({0}):", contents.Missing]);
            foreach (var entry in contents.Entries.Where(e => e.File is null))
            {
                Line($"- {entry.Symbol} — {entry.Title}");
            }

            return text.ToString();
        }

        /// <summary>Two symbols differing only by "/" and "-" would make the same name: the second gets a number.</summary>
        private static string UniqueName(HashSet<string> names, string name)
        {
            var unique = name;
            for (var n = 2; !names.Add(unique); n++)
            {
                unique = Path.GetFileNameWithoutExtension(name) + $"-{n}" + Path.GetExtension(name);
            }

            return unique;
        }
    }
}
