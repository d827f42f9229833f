using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Accreditation;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Organisations;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Localisation;
using AccreditationRecord = Sessions.Core.Accreditation.Accreditation;

namespace Sessions.Web.Features.Organisations;

/// <summary>
/// Import in two steps: the upload is read and checked into a preview kept in the data directory
/// (imports/&lt;id&gt;.json); the secretariat ticks the rows to keep; the commit creates them in one
/// transaction after checking the database for duplicates again. A commit claims its preview by renaming it
/// (&lt;id&gt;.json.committing); a claim left by a process that stopped mid-commit becomes &lt;id&gt;.interrupted, so that
/// the preview's link says the import was interrupted and asks for the file again.
/// </summary>
public static class ImportOrganisations
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    private const int BatchSize = 500;

    public sealed class Preview
    {
        public Guid Id { get; set; }
        public string UploadedBy { get; set; } = "";
        public DateTime UploadedAt { get; set; }
        public string FileName { get; set; } = "";

        /// <summary>The encoding a text file was read in; null for a workbook.</summary>
        public string? Encoding { get; set; }
        public List<ImportedOrganisation> Rows { get; set; } = [];

        public int Count(ImportRowStatus status) => Rows.Count(r => r.Status == status);
    }

    public sealed record Summary(int Imported, IReadOnlyList<int> SkippedRows);

    /// <summary>Why a preview's link leads nowhere: <see cref="InterruptedFileName"/> is set when its import was interrupted.</summary>
    public sealed record Gone(string? InterruptedFileName);

    /// <summary>What an interrupted import leaves: enough to tell its uploader which file to upload again.</summary>
    public sealed record InterruptedImport(string UploadedBy, string FileName);

    public sealed class Handler(SessionsDbContext db, DataDirectory dataDirectory, IStringLocalizer<Text> t, TimeProvider clock)
    {
        private static readonly JsonSerializerOptions _json = new() { WriteIndented = false };

        // The commits under way in this process: a claim that is not among them was left by a process that stopped.
        private static readonly ConcurrentDictionary<Guid, bool> _committingHere = new();

        /// <summary>Reads and checks the file and keeps the preview; a wrong file is refused with a <see cref="DomainException"/>.</summary>
        public async Task<Guid> UploadAsync(IFormFile? file, string userId)
        {
            if (file is null)
            {
                throw new DomainException("Choose a CSV or Excel (.xlsx) file to import.");
            }

            if (file.Length == 0)
            {
                throw new DomainException("The file is empty.");
            }

            if (file.Length > MaxFileBytes)
            {
                throw new DomainException("The file is larger than 5 MB. Split it into smaller files.");
            }

            byte[] bytes;
            using (var buffer = new MemoryStream((int)file.Length))
            {
                await file.CopyToAsync(buffer);
                bytes = buffer.ToArray();
            }

            var fileName = UploadedFileName.Clean(file.FileName);
            var (records, encoding) = ReadRecords(Path.GetExtension(fileName).ToLowerInvariant(), bytes);
            var rows = OrganisationImport.Read(records, Vocabulary());
            OrganisationImport.Classify(rows, await KnownAsync());

            var preview = new Preview
            {
                Id = Guid.NewGuid(),
                UploadedBy = userId,
                UploadedAt = clock.GetUtcNow().UtcDateTime,
                FileName = fileName,
                Encoding = encoding,
                Rows = rows,
            };
            var folder = Directory.CreateDirectory(dataDirectory.Combine("imports"));
            await MarkInterruptedAsync(folder);
            RemoveOldPreviews(folder);
            await using (var stream = File.Create(PreviewPath(preview.Id)))
            {
                await JsonSerializer.SerializeAsync(stream, preview, _json);
            }

            return preview.Id;
        }

        /// <summary>The preview, only for the person who uploaded it; null otherwise or once committed.</summary>
        public async Task<Preview?> PreviewAsync(Guid id, string userId)
        {
            var path = PreviewPath(id);
            if (!File.Exists(path))
            {
                return null;
            }

            await using var stream = File.OpenRead(path);
            var preview = await JsonSerializer.DeserializeAsync<Preview>(stream, _json);
            return preview is not null && preview.UploadedBy == userId ? preview : null;
        }

        /// <summary>
        /// Creates the kept rows in one transaction. A row that now has the name of an organisation in
        /// the database (added since the preview) is skipped, and so is one that now shares its acronym
        /// or website unless it was already shown as such and ticked anyway.
        /// </summary>
        public async Task<Summary?> CommitAsync(Guid id, string userId, IReadOnlyCollection<int> keep)
        {
            var preview = await PreviewAsync(id, userId);
            if (preview is null)
            {
                return null;
            }

            // The preview is claimed before the commit, so a second submission of the same page finds nothing to import.
            var path = PreviewPath(id);
            var claimed = path + ".committing";
            _committingHere[id] = true;
            try
            {
                File.Move(path, claimed);
            }
            catch (IOException)
            {
                _committingHere.TryRemove(id, out _);
                return null;
            }

            try
            {
                return await CommitClaimedAsync(preview, keep, path, claimed);
            }
            finally
            {
                _committingHere.TryRemove(id, out _);
            }
        }

        /// <summary>Why the preview <paramref name="id"/> cannot be shown to <paramref name="userId"/>: interrupted (with the file's name), or gone without a trace.</summary>
        public async Task<Gone> GoneAsync(Guid id, string userId)
        {
            var folder = new DirectoryInfo(dataDirectory.Combine("imports"));
            if (folder.Exists)
            {
                await MarkInterruptedAsync(folder);
            }

            var marker = InterruptedPath(id);
            if (!File.Exists(marker))
            {
                return new Gone(null);
            }

            await using var stream = File.OpenRead(marker);
            var interrupted = await JsonSerializer.DeserializeAsync<InterruptedImport>(stream, _json);
            return new Gone(interrupted is not null && interrupted.UploadedBy == userId ? interrupted.FileName : null);
        }

        private async Task<Summary> CommitClaimedAsync(Preview preview, IReadOnlyCollection<int> keep, string path, string claimed)
        {
            var ticked = keep.ToHashSet();
            var kept = preview.Rows.Where(r => ticked.Contains(r.Row) && r.CanKeep).ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            var skipped = new List<int>();
            var imported = 0;
            var batch = new List<(Organisation Organisation, ImportedOrganisation Row)>(BatchSize);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                var known = await KnownAsync();
                foreach (var row in kept)
                {
                    var consented = row.Status != ImportRowStatus.New && row.MatchedOn != DuplicateField.Name;
                    if (known.Match(row) is { } match && (match.Field == DuplicateField.Name || !consented))
                    {
                        skipped.Add(row.Row);
                        continue;
                    }

                    batch.Add((ToOrganisation(row, now), row));
                    known.Add(-row.Row, row);
                    if (batch.Count == BatchSize)
                    {
                        imported += await SaveAsync(batch, now);
                    }
                }

                imported += await SaveAsync(batch, now);
                await transaction.CommitAsync();
            }
            catch
            {
                db.ChangeTracker.Clear();
                File.Move(claimed, path);
                throw;
            }

            File.Delete(claimed);
            return new Summary(imported, skipped);
        }

        private async Task<int> SaveAsync(List<(Organisation Organisation, ImportedOrganisation Row)> batch, DateTime now)
        {
            if (batch.Count == 0)
            {
                return 0;
            }

            db.Organisations.AddRange(batch.Select(b => b.Organisation));
            await db.SaveChangesAsync();
            var accreditations = batch.Where(b => b.Row.Accreditation is not null)
                .Select(b => new AccreditationRecord(b.Organisation.Id, b.Row.Accreditation!.Value, b.Row.AccreditationStatus ?? AccreditationStatus.Granted, null, now))
                .ToList();
            if (accreditations.Count > 0)
            {
                db.Accreditations.AddRange(accreditations);
                await db.SaveChangesAsync();
            }

            var count = batch.Count;
            batch.Clear();
            db.ChangeTracker.Clear();
            return count;
        }

        private static Organisation ToOrganisation(ImportedOrganisation row, DateTime now)
        {
            var organisation = new Organisation(row.Name, row.Language, row.Category ?? OrganisationCategory.Other)
            {
                Acronym = row.Acronym,
                CountryCode = row.CountryCode,
                Website = row.Website,
                ContactEmail = row.Email,
                CreatedAt = now,
            };
            foreach (var (language, name) in row.Names)
            {
                organisation.SetTranslatedName(language, name);
            }

            return organisation;
        }

        /// <summary>The file's records, and the encoding a text file was read in (null for a workbook).</summary>
        private static (List<string[]> Records, string? Encoding) ReadRecords(string extension, byte[] bytes)
        {
            var isZip = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
            if (extension == ".xlsx")
            {
                if (!isZip)
                {
                    throw new DomainException("The file could not be read as an Excel workbook (.xlsx). Save it again from Excel and retry.");
                }

                using var stream = new MemoryStream(bytes, writable: false);
                return (OrganisationSpreadsheet.Read(stream), null);
            }

            if (extension is ".csv" or ".txt" or ".tsv" && !isZip)
            {
                var decoded = Csv.Decode(bytes)
                    ?? throw new DomainException("The file could not be read as text (UTF-8, UTF-16 or Windows-1252). Save it as \"CSV UTF-8\" and retry.");
                return (Csv.Parse(decoded.Text, maxRecords: OrganisationImport.MaxRows + 2), decoded.Encoding);
            }

            throw new DomainException("Only CSV or text files and Excel workbooks (.xlsx) can be imported.");
        }

        /// <summary>Every organisation in the database by normalised name (original and translated), acronym and website.</summary>
        private async Task<KnownOrganisations> KnownAsync()
        {
            var organisations = await db.Organisations.AsNoTracking()
                .Select(o => new { o.Id, o.Name, o.NormalisedName, o.NormalisedAcronym, o.NormalisedWebsite })
                .ToListAsync();
            var translated = (await db.OrganisationNames.AsNoTracking()
                .Select(n => new { n.OrganisationId, n.NormalisedName })
                .ToListAsync())
                .ToLookup(n => n.OrganisationId, n => n.NormalisedName);
            var known = new KnownOrganisations();
            foreach (var o in organisations)
            {
                known.Add(o.Id, o.Name, translated[o.Id].Prepend(o.NormalisedName), o.NormalisedAcronym, o.NormalisedWebsite);
            }

            return known;
        }

        /// <summary>Enum names, and their labels in the six languages, as a file may write them.</summary>
        private ImportVocabulary Vocabulary()
        {
            var vocabulary = new ImportVocabulary();
            foreach (var language in Languages.All.Prepend(Languages.English))
            {
                using (Cultures.Use(language))
                {
                    foreach (var category in Enum.GetValues<OrganisationCategory>())
                    {
                        vocabulary.AddCategory(t.For(category), category);
                    }

                    foreach (var basis in Enum.GetValues<AccreditationBasis>())
                    {
                        vocabulary.AddBasis(t.For(basis), basis);
                    }

                    foreach (var status in Enum.GetValues<AccreditationStatus>())
                    {
                        vocabulary.AddStatus(t.For(status), status);
                    }
                }
            }

            return vocabulary;
        }

        private string PreviewPath(Guid id) => dataDirectory.Combine("imports", $"{id:N}.json");

        private string InterruptedPath(Guid id) => dataDirectory.Combine("imports", $"{id:N}.interrupted");

        /// <summary>
        /// Turns every claim that no commit of this process holds into an "interrupted" marker: its transaction was rolled
        /// back or committed when the process stopped, and either way the file must be uploaded again (rows that were
        /// imported then show as duplicates).
        /// </summary>
        private async Task MarkInterruptedAsync(DirectoryInfo folder)
        {
            foreach (var claim in folder.EnumerateFiles("*.json.committing"))
            {
                if (!Guid.TryParseExact(claim.Name[..32], "N", out var id) || _committingHere.ContainsKey(id))
                {
                    continue;
                }

                InterruptedImport? interrupted;
                try
                {
                    await using var stream = claim.OpenRead();
                    interrupted = await JsonSerializer.DeserializeAsync<InterruptedImport>(stream, _json);
                }
                catch (Exception e) when (e is JsonException or IOException)
                {
                    interrupted = null;
                }

                if (interrupted is not null)
                {
                    await File.WriteAllTextAsync(InterruptedPath(id), JsonSerializer.Serialize(interrupted, _json));
                }

                claim.Delete();
            }
        }

        private void RemoveOldPreviews(DirectoryInfo folder)
        {
            var before = clock.GetUtcNow().UtcDateTime.AddDays(-1);
            foreach (var old in folder.EnumerateFiles().Where(f => f.LastWriteTimeUtc < before))
            {
                old.Delete();
            }
        }
    }
}
