using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Files;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;
using Sessions.Web.Infrastructure;
using Sessions.Web.Infrastructure.Statements;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Sessions.Web.Features.Statements.Submission;

/// <summary>
/// Submitting a written statement, in two steps: the form stores the file (or takes the pasted text), reads and
/// counts it and checks it against the session's rules; the confirm step shows the count and the limit and, once
/// confirmed, creates the statement. What was typed travels in hidden fields; the stored file's id is taken back
/// only from the user who stored it and only while no statement uses it. A second confirm of the same statement
/// (a double click) finds the first instead of creating another.
/// </summary>
public static class SubmitStatement
{
    /// <summary>The request limit: the 10 MB document plus the form around it (pasted text included).</summary>
    public const long MaxRequestBytes = 12 * 1024 * 1024;

    public const int PastedTextMaxLength = 200_000;

    public sealed record Choice(int Id, string Label);

    public sealed record CoSponsorChoice(int Id, string Name, OrganisationCategory Category);

    public sealed class Command
    {
        [BindNever]
        public int SessionId { get; set; }

        [BindNever]
        public string SessionSymbol { get; set; } = "";

        [BindNever]
        [ValidateNever]
        public TranslatedText? SessionTitle { get; set; }

        [BindNever]
        public string TimeZoneId { get; set; } = "";

        [BindNever]
        public DateTime Deadline { get; set; }

        [BindNever]
        public bool IsPastDeadline { get; set; }

        [BindNever]
        public LateStatements LateStatements { get; set; }

        [BindNever]
        public IReadOnlyList<string> AcceptedLanguages { get; set; } = [];

        [BindNever]
        public IReadOnlyList<Choice> Delegations { get; set; } = [];

        /// <summary>The user's delegations to the session that are not (yet) approved.</summary>
        [BindNever]
        public IReadOnlyList<string> NotApproved { get; set; } = [];

        [BindNever]
        public IReadOnlyList<Choice> AgendaItems { get; set; } = [];

        [BindNever]
        public IReadOnlyList<CoSponsorChoice> CoSponsorChoices { get; set; } = [];

        /// <summary>The chosen delegation's word limit, and the limit of a joint statement.</summary>
        [BindNever]
        public (int Single, int Joint)? WordLimits { get; set; }

        /// <summary>The file kept from an earlier step, offered again without uploading it.</summary>
        [BindNever]
        public string? KeptFileName { get; set; }

        [Required(ErrorMessage = "Choose the delegation.")]
        [Display(Name = "Delegation")]
        public int? DelegationId { get; set; }

        [Required(ErrorMessage = "Choose the agenda item.")]
        [Display(Name = "Agenda item")]
        public int? AgendaItemId { get; set; }

        [Required(ErrorMessage = "Give the statement a title.")]
        [StringLength(WrittenStatement.TitleMaxLength, ErrorMessage = "{0} is too long: at most {1} characters.")]
        [Display(Name = "Title of the written statement")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Choose the language of the statement.")]
        [Display(Name = "Language of the written statement")]
        public string? Language { get; set; }

        [Display(Name = "The statement as a Word (DOCX) or PDF file")]
        public IFormFile? File { get; set; }

        /// <summary>A file stored by an earlier step of this submission.</summary>
        public Guid? FileId { get; set; }

        [StringLength(PastedTextMaxLength, ErrorMessage = "{0} is too long: at most {1} characters.")]
        [Display(Name = "Or paste the text of the statement")]
        public string? PastedText { get; set; }

        [Display(Name = "Co-sponsoring organisations")]
        public List<int> CoSponsorIds { get; set; } = [];

        [StringLength(WrittenStatement.MaxSupporters * (WrittenStatement.SupporterMaxLength + 2), ErrorMessage = "{0} is too long: at most {1} characters.")]
        [Display(Name = "Supporters (one organisation per line)")]
        public string? Supporters { get; set; }

        public IReadOnlyList<string> SupporterNames() =>
            (Supporters ?? "").Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
    }

    /// <summary>What the confirm step shows: the statement as it will be submitted, its count and its limit.</summary>
    public sealed record Preview(
        Command Form,
        string Delegation,
        AgendaItemHeading AgendaItem,
        string? FileName,
        StatementFormat Format,
        int WordCount,
        int WordLimit,
        bool IsLate,
        bool IsJoint,
        IReadOnlyList<(string Name, StatementTier Tier)> CoSponsors,
        IReadOnlyList<string> Supporters,
        IReadOnlyList<string> Paragraphs);

    /// <summary>The statement confirmed; <paramref name="AlreadySubmitted"/> when it was there before this request (a double click).</summary>
    public sealed record Submitted(int StatementId, bool IsJoint, bool AlreadySubmitted);

    /// <summary>Everything the rules look at, found for this user (null when the session or the delegation is not theirs).</summary>
    private sealed record Context(Session Session, Delegation Delegation, StatementTier Tier, StatementRules Rules, IReadOnlyList<(int OrganisationId, StatementTier Tier, string Name)> CoSponsors, string DelegationName, AgendaItemHeading AgendaItem);

    private sealed record Read(StatementText Text, StatementFormat Format, StoredFile? File, bool IsNewFile);

    public sealed class Handler(SessionsDbContext db, IFileStore store, DataDirectory dataDirectory, StatementNotices notices, TimeProvider clock)
    {
        /// <summary>
        /// Fills the form's choices. Null when there is no such session, or the chosen delegation is not one the user
        /// submits for.
        /// </summary>
        public async Task<Command?> PrepareAsync(int sessionId, string userId, Command command, string language, CancellationToken cancellationToken = default)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session is null)
            {
                return null;
            }

            var delegations = await db.DelegationsSubmittingFor(userId).AsNoTracking().Where(d => d.SessionId == sessionId)
                .Select(d => new { d.Id, d.Status, d.OrganisationId, d.Capacity, Name = db.Organisations.Where(o => o.Id == d.OrganisationId).Select(o => o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name).Single() })
                .ToListAsync(cancellationToken);
            if (command.DelegationId is { } chosen && delegations.All(d => d.Id != chosen))
            {
                return null;
            }

            var approved = delegations.Where(d => d.Status == RegistrationStatus.Approved).OrderBy(d => d.Name, StringComparer.CurrentCulture).ToList();
            if (command.DelegationId is null && approved.Count == 1)
            {
                command.DelegationId = approved[0].Id;
            }

            var rules = await RulesAsync(sessionId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var deadline = StatementRules.DeadlineOf(session);
            command.SessionId = session.Id;
            command.SessionSymbol = session.Symbol;
            command.SessionTitle = session.Title;
            command.TimeZoneId = session.TimeZoneId;
            command.Deadline = session.ToLocal(deadline);
            command.IsPastDeadline = now > deadline;
            command.LateStatements = rules.LateStatements;
            command.AcceptedLanguages = rules.AcceptedLanguageCodes;
            command.Delegations = approved.Select(d => new Choice(d.Id, d.Name)).ToList();
            command.NotApproved = delegations.Where(d => d.Status != RegistrationStatus.Approved).Select(d => d.Name).ToList();
            command.AgendaItems = (await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == sessionId).OrderBy(a => a.Sequence)
                    .Select(a => new { a.Id, a.Number, a.Title }).ToListAsync(cancellationToken))
                .Select(a => new Choice(a.Id, new AgendaItemHeading(a.Number, a.Title).ToString())).ToList();
            var ownOrganisations = delegations.Select(d => d.OrganisationId).ToList();
            if (delegations.FirstOrDefault(d => d.Id == command.DelegationId && d.Status == RegistrationStatus.Approved) is { } submitting)
            {
                var standing = await TiersAsync([submitting.OrganisationId], session.BodyId, language, cancellationToken);
                var tier = StatementTiers.Of(submitting.Capacity, standing[submitting.OrganisationId].Accreditations, session.BodyId);
                command.WordLimits = (rules.WordLimitFor(tier, isJoint: false), rules.WordLimitFor(tier, isJoint: true));
            }

            var choices = await db.PossibleCoSponsors(session.BodyId).AsNoTracking().Where(o => !ownOrganisations.Contains(o.Id))
                .Select(o => new CoSponsorChoice(o.Id, o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name, o.Category))
                .ToListAsync(cancellationToken);
            command.CoSponsorChoices = choices.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
            command.KeptFileName = command.FileId is { } fileId
                ? await UnusedFilesOf(userId).Where(f => f.Id == fileId).Select(f => f.OriginalName).SingleOrDefaultAsync(cancellationToken)
                : null;
            if (command.KeptFileName is null)
            {
                command.FileId = null;
            }

            return command;
        }

        /// <summary>
        /// The first step: reads and counts the statement and checks it against the rules (refusals are
        /// <see cref="DomainException"/>s, and keep no file). Null when the session or delegation is not the user's.
        /// </summary>
        public async Task<Preview?> PreviewAsync(int sessionId, string userId, Command command, string language, CancellationToken cancellationToken = default)
        {
            if (await ContextAsync(sessionId, userId, command, language, cancellationToken) is not { } context)
            {
                return null;
            }

            var read = await ReadAsync(userId, command, allowUpload: true, cancellationToken);
            WrittenStatement statement;
            try
            {
                statement = Check(context, userId, command, read);
            }
            catch (DomainException)
            {
                if (read.IsNewFile)
                {
                    Discard(read.File!);
                }

                throw;
            }

            if (read.IsNewFile)
            {
                db.StoredFiles.Add(read.File!);
                await db.SaveChangesAsync(cancellationToken);
            }

            command.SessionId = context.Session.Id;
            command.SessionSymbol = context.Session.Symbol;
            command.SessionTitle = context.Session.Title;
            command.FileId = read.File?.Id;
            if (read.File is not null)
            {
                command.PastedText = null;
            }

            return new Preview(
                command,
                context.DelegationName,
                context.AgendaItem,
                read.File?.OriginalName,
                read.Format,
                statement.WordCount,
                statement.WordLimit,
                statement.IsLate,
                statement.IsJoint,
                StatementTiers.InListingOrder(context.CoSponsors, c => c.Tier, c => c.Name).Select(c => (c.Name, c.Tier)).ToList(),
                statement.Supporters.OrderBy(s => s.Position).Select(s => s.Name).ToList(),
                read.Text.Paragraphs);
        }

        /// <summary>
        /// The confirm step: checks everything again (the file is read again from what was stored) and creates the
        /// statement with its notices. Null when the session or delegation is not the user's.
        /// </summary>
        public async Task<Submitted?> ConfirmAsync(int sessionId, string userId, Command command, string language, CancellationToken cancellationToken = default)
        {
            if (await ContextAsync(sessionId, userId, command, language, cancellationToken) is not { } context)
            {
                return null;
            }

            var read = await ReadAsync(userId, command, allowUpload: false, cancellationToken);
            var statement = Check(context, userId, command, read);

            // An immediate transaction: a second confirm of the same statement waits, then finds the first.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var earlier = await db.WrittenStatements.AsNoTracking()
                .Where(s => s.SubmittedByUserId == userId && s.SessionId == sessionId && s.Status != StatementStatus.Withdrawn)
                .Where(s => read.File != null
                    ? s.FileId == read.File.Id
                    : s.FileId == null && s.AgendaItemId == statement.AgendaItemId && s.Title == statement.Title && s.Text == statement.Text)
                .Select(s => new { s.Id, s.IsJoint })
                .FirstOrDefaultAsync(cancellationToken);
            if (earlier is not null)
            {
                return new Submitted(earlier.Id, earlier.IsJoint, AlreadySubmitted: true);
            }

            if (read.File is not null && await db.WrittenStatements.AnyAsync(s => s.FileId == read.File.Id, cancellationToken))
            {
                throw new DomainException("The file you uploaded is no longer available: upload it again.");
            }

            db.WrittenStatements.Add(statement);
            await db.SaveChangesAsync(cancellationToken);
            await notices.QueueAsync(statement, NoticeKinds.StatementReceived, toCoSponsors: false, cancellationToken: cancellationToken);
            await notices.QueueCoSponsorRequestsAsync(statement, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Submitted(statement.Id, statement.IsJoint, AlreadySubmitted: false);
        }

        private async Task<Context?> ContextAsync(int sessionId, string userId, Command command, string language, CancellationToken cancellationToken)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            var delegation = session is null
                ? null
                : await db.DelegationsSubmittingFor(userId).AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.DelegationId && d.SessionId == sessionId, cancellationToken);
            if (session is null || delegation is null)
            {
                return null;
            }

            var agendaItem = await db.AgendaItems.AsNoTracking().Where(a => a.Id == command.AgendaItemId && a.SessionId == sessionId)
                .Select(a => new AgendaItemHeading(a.Number, a.Title)).SingleOrDefaultAsync(cancellationToken)
                ?? throw new DomainException("Choose an agenda item of this session.");
            if (!Languages.IsSupported(command.Language))
            {
                throw new DomainException("Choose the language of the statement.");
            }

            var tiers = await TiersAsync([delegation.OrganisationId, .. command.CoSponsorIds.Distinct().Take(WrittenStatement.MaxCoSponsors + 1)], session.BodyId, language, cancellationToken);
            var own = tiers[delegation.OrganisationId];
            var tier = StatementTiers.Of(delegation.Capacity, own.Accreditations, session.BodyId);
            var coSponsors = command.CoSponsorIds.Distinct().Where(id => id != delegation.OrganisationId)
                .Select(id => tiers.TryGetValue(id, out var found)
                    ? (id, StatementTiers.Of(Capacities.Derive(found.Category, isMemberOfTheBody: false), found.Accreditations, session.BodyId), found.Name)
                    : (id, StatementTier.None, ""))
                .ToList();
            return new Context(session, delegation, tier, await RulesAsync(sessionId, cancellationToken), coSponsors, own.Name, agendaItem);
        }

        private sealed record OrganisationStanding(OrganisationCategory Category, string Name, List<(Core.Accreditation.AccreditationBasis, Core.Accreditation.AccreditationStatus, int?)> Accreditations);

        private async Task<Dictionary<int, OrganisationStanding>> TiersAsync(List<int> organisationIds, int bodyId, string language, CancellationToken cancellationToken)
        {
            var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
                .Select(o => new { o.Id, o.Category, Name = o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name })
                .ToListAsync(cancellationToken);
            var accreditations = await db.Accreditations.AsNoTracking().Where(a => organisationIds.Contains(a.OrganisationId))
                .Select(a => new { a.OrganisationId, a.Basis, a.Status, a.BodyId }).ToListAsync(cancellationToken);
            return organisations.ToDictionary(o => o.Id, o => new OrganisationStanding(
                o.Category,
                o.Name,
                accreditations.Where(a => a.OrganisationId == o.Id).Select(a => (a.Basis, a.Status, a.BodyId)).ToList()));
        }

        private async Task<StatementRules> RulesAsync(int sessionId, CancellationToken cancellationToken) =>
            await db.StatementRules.AsNoTracking().SingleOrDefaultAsync(r => r.SessionId == sessionId, cancellationToken) ?? StatementRules.ForSession(sessionId);

        /// <summary>The statement's text: from the uploaded file (first step only), the file kept from the first step, or the pasted text.</summary>
        private async Task<Read> ReadAsync(string userId, Command command, bool allowUpload, CancellationToken cancellationToken)
        {
            var upload = allowUpload && command.File is { } file && (file.Length > 0 || !string.IsNullOrEmpty(file.FileName)) ? command.File : null;
            var pasted = string.IsNullOrWhiteSpace(command.PastedText) ? null : command.PastedText;
            if (upload is not null && pasted is not null)
            {
                throw new DomainException("Upload a file or paste the text, not both.");
            }

            if (upload is not null)
            {
                var head = new byte[5];
                await using (var peek = upload.OpenReadStream())
                {
                    await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
                }

                await using var content = upload.OpenReadStream();
                var stored = await store.SaveAsync(content, StatementFileNames.Clean(upload.FileName, head), UploadRule.StatementDocument, userId, cancellationToken);
                try
                {
                    return new Read(ReadText(stored), FormatOf(stored), stored, IsNewFile: true);
                }
                catch (DomainException)
                {
                    Discard(stored);
                    throw;
                }
            }

            if (pasted is not null)
            {
                return new Read(StatementDocuments.FromPastedText(pasted), StatementFormat.Text, null, IsNewFile: false);
            }

            if (command.FileId is { } fileId)
            {
                var kept = await UnusedFilesOf(userId).SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken)
                    ?? await db.StoredFiles.AsNoTracking().Where(f => f.Id == fileId && f.StoredByUserId == userId
                        && db.WrittenStatements.Any(s => s.FileId == f.Id && s.SubmittedByUserId == userId && s.Status != StatementStatus.Withdrawn)).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new DomainException("The file you uploaded is no longer available: upload it again.");
                return new Read(ReadText(kept), FormatOf(kept), kept, IsNewFile: false);
            }

            throw new DomainException("Upload the statement as a Word (DOCX) or PDF file, or paste its text.");
        }

        private StatementText ReadText(StoredFile file)
        {
            using var content = store.OpenRead(file);
            return StatementDocuments.Read(content, file.ContentType);
        }

        private static StatementFormat FormatOf(StoredFile file) =>
            file.ContentType == StatementDocuments.DocxContentType ? StatementFormat.Docx : StatementFormat.Pdf;

        private WrittenStatement Check(Context context, string userId, Command command, Read read) =>
            WrittenStatement.Submit(
                new StatementSubmission(
                    context.Session.Id,
                    command.AgendaItemId ?? 0,
                    context.Delegation,
                    context.Tier,
                    command.Title ?? "",
                    command.Language ?? "",
                    read.Format,
                    read.File?.Id,
                    read.Text.Text,
                    read.Text.Words,
                    context.CoSponsors.Select(c => (c.OrganisationId, c.Tier)).ToList(),
                    command.SupporterNames(),
                    userId),
                context.Rules,
                context.Session,
                clock.GetUtcNow().UtcDateTime);

        /// <summary>Statement files this user stored that no statement uses yet.</summary>
        private IQueryable<StoredFile> UnusedFilesOf(string userId) =>
            db.StoredFiles.AsNoTracking().Where(f => f.StoredByUserId == userId
                && (f.ContentType == StatementDocuments.DocxContentType || f.ContentType == StatementDocuments.PdfContentType)
                && !db.WrittenStatements.Any(s => s.FileId == f.Id)
                && !db.Delegations.Any(d => d.LetterFileId == f.Id)
                && !db.Inscriptions.Any(i => i.StatementFileId == f.Id)
                && !db.Accreditations.Any(a => a.Application != null && (a.Application.LetterFileId == f.Id || a.Application.GoverningBodyListFileId == f.Id)));

        /// <summary>A refused upload keeps nothing: its bytes go (no record was saved).</summary>
        private void Discard(StoredFile file)
        {
            var path = dataDirectory.Combine(file.RelativePath);
            if (System.IO.File.Exists(path))
            {
                System.IO.File.Delete(path);
            }
        }
    }
}
