using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Documents;
using Sessions.Web.Infrastructure.Forms;

namespace Sessions.Web.Features.Documents.Manage;

/// <summary>
/// Creates or edits a session document: its symbol under the session's (unique), kind, agenda items, title in the
/// languages it exists in, date of distribution (none: a draft) and flags. The document's page shows the same form
/// with its language versions and the upload beside it.
/// </summary>
public static class SaveDocument
{
    public sealed record AgendaItemChoice(int Id, string Number, TranslatedText Title);

    /// <summary>One file of a language version; <paramref name="IsCurrent"/> for the highest revision in its language.</summary>
    public sealed record FileRow(int Id, string Language, int Revision, DateTime UploadedAt, string? UploadedBy, string OriginalName, long Size, string ContentType, bool IsCurrent);

    public sealed class Command
    {
        [BindNever]
        public int SessionId { get; set; }

        [BindNever]
        public int DocumentId { get; set; }

        [BindNever]
        public string SessionSymbol { get; set; } = "";

        public Guid Version { get; set; }

        [Required(ErrorMessage = "The document needs a symbol.")]
        [StringLength(SessionDocument.MaxSymbolLength, ErrorMessage = "{0} is too long: at most {1} characters.")]
        [Display(Name = "Symbol of the document")]
        public string Symbol { get; set; } = "";

        [Required(ErrorMessage = "Choose the kind of document.")]
        [Display(Name = "Kind of document")]
        public DocumentKind? Kind { get; set; }

        [Display(Name = "Agenda items")]
        public List<int> AgendaItemIds { get; set; } = [];

        public TranslatedTextForm Title { get; set; } = new();

        [Display(Name = "Date of distribution")]
        public DateOnly? DistributedOn { get; set; }

        [Display(Name = "Advance unedited version")]
        public bool AdvanceUnedited { get; set; }

        [Display(Name = "Reissued for technical reasons")]
        public bool ReissuedForTechnicalReasons { get; set; }

        [BindNever]
        public IReadOnlyList<AgendaItemChoice> AgendaItems { get; set; } = [];

        /// <summary>The original language as saved (the form's may be changing it).</summary>
        [BindNever]
        public string OriginalLanguage { get; set; } = Languages.English;

        [BindNever]
        public bool IsDraft { get; set; } = true;

        [BindNever]
        public IReadOnlyList<FileRow> Files { get; set; } = [];
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>A blank form under the session's symbol; null when there is no such session.</summary>
        public async Task<Command?> NewAsync(int sessionId, CancellationToken cancellationToken = default)
        {
            var command = new Command { SessionId = sessionId, Kind = DocumentKind.PreSession };
            if (!await FillAsync(command, cancellationToken))
            {
                return null;
            }

            command.Symbol = command.SessionSymbol + "/";
            return command;
        }

        /// <summary>The document's page; null when it is not a document of the session.</summary>
        public async Task<Command?> LoadAsync(int sessionId, int documentId, CancellationToken cancellationToken = default)
        {
            var document = await db.Documents.AsNoTracking().Include(d => d.AgendaItems)
                .SingleOrDefaultAsync(d => d.Id == documentId && d.SessionId == sessionId, cancellationToken);
            if (document is null)
            {
                return null;
            }

            var command = new Command
            {
                SessionId = sessionId,
                DocumentId = document.Id,
                Version = document.Version,
                Symbol = document.Symbol,
                Kind = document.Kind,
                AgendaItemIds = document.AgendaItems.Select(a => a.AgendaItemId).ToList(),
                Title = TranslatedTextForm.From(document.Title),
                DistributedOn = document.DistributedOn,
                AdvanceUnedited = document.AdvanceUnedited,
                ReissuedForTechnicalReasons = document.ReissuedForTechnicalReasons,
            };
            await FillAsync(command, cancellationToken);
            return command;
        }

        /// <summary>Fills what the form shows besides the typed values; false when there is no such session.</summary>
        public async Task<bool> FillAsync(Command command, CancellationToken cancellationToken = default)
        {
            var symbol = await db.Sessions.AsNoTracking().Where(s => s.Id == command.SessionId).Select(s => s.Symbol).SingleOrDefaultAsync(cancellationToken);
            if (symbol is null)
            {
                return false;
            }

            command.SessionSymbol = symbol;
            command.AgendaItems = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == command.SessionId).OrderBy(a => a.Sequence)
                .Select(a => new AgendaItemChoice(a.Id, a.Number, a.Title)).ToListAsync(cancellationToken);
            if (command.DocumentId != 0)
            {
                var saved = await db.Documents.AsNoTracking().Where(d => d.Id == command.DocumentId)
                    .Select(d => new { d.Title.OriginalLanguage, d.DistributedOn }).SingleOrDefaultAsync(cancellationToken);
                command.OriginalLanguage = saved?.OriginalLanguage ?? command.Title.OriginalLanguage;
                command.IsDraft = saved?.DistributedOn is null;
                var files = await (
                        from f in db.DocumentFiles.AsNoTracking().Where(f => f.DocumentId == command.DocumentId)
                        join s in db.StoredFiles on f.StoredFileId equals s.Id
                        join u in db.Users on f.UploadedByUserId equals u.Id into uploaders
                        from u in uploaders.DefaultIfEmpty()
                        select new { f.Id, f.Language, f.Revision, f.UploadedAt, UploadedBy = u == null ? null : u.Email, s.OriginalName, s.Size, s.ContentType })
                    .ToListAsync(cancellationToken);
                var current = files.GroupBy(f => f.Language).ToDictionary(g => g.Key, g => g.Max(f => f.Revision));
                command.Files = files
                    .OrderBy(f => Languages.All.ToList().IndexOf(f.Language)).ThenByDescending(f => f.Revision)
                    .Select(f => new FileRow(f.Id, f.Language, f.Revision, f.UploadedAt, f.UploadedBy, f.OriginalName, f.Size, f.ContentType, current[f.Language] == f.Revision))
                    .ToList();
            }

            return true;
        }

        /// <summary>The new document's id; null when there is no such session.</summary>
        public async Task<int?> CreateAsync(Command command, DateTime now, CancellationToken cancellationToken = default)
        {
            if (!await FillAsync(command, cancellationToken))
            {
                return null;
            }

            var checks = new RuleChecks();
            await checks.CheckAsync(() => EnsureSymbolIsFreeAsync(command.Symbol, 0, cancellationToken), nameof(Command.Symbol));
            SessionDocument? document = null;
            checks.Check(() => document = new SessionDocument(command.SessionId, command.SessionSymbol, command.Symbol, command.Kind!.Value, command.Title.ToText(), now), nameof(Command.Symbol));
            await checks.CheckAsync(() => EnsureAgendaItemsAsync(command, cancellationToken), nameof(Command.AgendaItemIds));
            checks.ThrowIfAnyRefused();
            Apply(document!, command);
            db.Documents.Add(document!);
            await SaveAsync(document!, cancellationToken);
            return document!.Id;
        }

        /// <summary>False when it is not a document of the session; a DbUpdateConcurrencyException when someone saved it in between.</summary>
        public async Task<bool> UpdateAsync(Command command, CancellationToken cancellationToken = default)
        {
            var document = await db.Documents.Include(d => d.AgendaItems)
                .SingleOrDefaultAsync(d => d.Id == command.DocumentId && d.SessionId == command.SessionId, cancellationToken);
            if (document is null || !await FillAsync(command, cancellationToken))
            {
                return false;
            }

            db.Entry(document).Property(d => d.Version).OriginalValue = command.Version;
            var checks = new RuleChecks();
            await checks.CheckAsync(() => EnsureSymbolIsFreeAsync(command.Symbol, document.Id, cancellationToken), nameof(Command.Symbol));
            checks.Check(() => document.Renumber(command.SessionSymbol, command.Symbol), nameof(Command.Symbol));
            checks.Check(() => document.Classify(command.Kind!.Value), nameof(Command.Kind));
            await checks.CheckAsync(() => EnsureAgendaItemsAsync(command, cancellationToken), nameof(Command.AgendaItemIds));
            checks.ThrowIfAnyRefused();
            command.Title.ApplyTo(document.Title);
            Apply(document, command);
            await SaveAsync(document, cancellationToken);
            return true;
        }

        /// <summary>Saves; the symbol's unique index turns away a symbol another person took between the check and the save.</summary>
        private async Task SaveAsync(SessionDocument document, CancellationToken cancellationToken)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 })
            {
                throw new DomainException("The symbol {0} is already used by another document.", document.Symbol).On(nameof(Command.Symbol));
            }
        }

        private static void Apply(SessionDocument document, Command command)
        {
            document.IssueUnder(command.AgendaItemIds);
            document.Distribute(command.DistributedOn);
            document.AdvanceUnedited = command.AdvanceUnedited;
            document.ReissuedForTechnicalReasons = command.ReissuedForTechnicalReasons;
        }

        private async Task EnsureSymbolIsFreeAsync(string symbol, int documentId, CancellationToken cancellationToken)
        {
            var trimmed = (symbol ?? "").Trim();
            if (await db.Documents.AnyAsync(d => d.Symbol == trimmed && d.Id != documentId, cancellationToken))
            {
                throw new DomainException("The symbol {0} is already used by another document.", trimmed);
            }
        }

        private async Task EnsureAgendaItemsAsync(Command command, CancellationToken cancellationToken)
        {
            var wanted = command.AgendaItemIds.Distinct().ToList();
            var found = await db.AgendaItems.CountAsync(a => a.SessionId == command.SessionId && wanted.Contains(a.Id), cancellationToken);
            if (found != wanted.Count)
            {
                throw new DomainException("Choose agenda items of this session.");
            }
        }
    }
}
