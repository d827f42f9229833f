using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Core.Statements;

namespace Sessions.Web.Features.Statements.Review;

/// <summary>
/// One statement as the secretariat reads it before deciding: its text in paragraphs, the word count against the
/// limit, the late flag, the co-sponsors and their answers, the supporters, the file, and the other statements of
/// the session it could duplicate. Loaded in a fixed handful of queries whatever the number of co-sponsors.
/// </summary>
public static partial class ReviewStatement
{
    public sealed record CoSponsorRow(string Name, StatementTier Tier, CoSponsorAnswer Answer, DateTime? AnsweredAt);

    public sealed record OtherStatement(int Id, string Title, string AgendaItem, string? Symbol, StatementStatus Status);

    public sealed record DuplicateOf(int Id, string Title, string? Symbol);

    public sealed class Model
    {
        public int Id { get; init; }
        public Guid Version { get; init; }
        public int SessionId { get; init; }
        public string SessionSymbol { get; init; } = "";
        public TranslatedText SessionTitle { get; init; } = null!;
        public string TimeZoneId { get; init; } = "";
        public string Title { get; init; } = "";
        public string Organisation { get; init; } = "";
        public Capacity Capacity { get; init; }
        public StatementTier Tier { get; init; }
        public string AgendaItemNumber { get; init; } = "";
        public TranslatedText AgendaItemTitle { get; init; } = TranslatedText.English("-");
        public string Language { get; init; } = "";
        public StatementFormat Format { get; init; }
        public string? FileName { get; init; }
        public IReadOnlyList<IReadOnlyList<string>> Paragraphs { get; init; } = [];
        public int WordCount { get; init; }
        public int WordLimit { get; init; }
        public bool IsLate { get; init; }
        public bool IsJoint { get; init; }
        public StatementStatus Status { get; init; }
        public DateTime SubmittedAt { get; init; }
        public bool CoSponsorsOverridden { get; init; }
        public string? Symbol { get; init; }
        public DateOnly? IssuedOn { get; init; }
        public string? DecisionReason { get; init; }
        public DuplicateOf? Original { get; init; }
        public IReadOnlyList<CoSponsorRow> CoSponsors { get; init; } = [];
        public IReadOnlyList<string> Supporters { get; init; } = [];
        public IReadOnlyList<OtherStatement> OtherStatements { get; init; } = [];

        public bool IsOverLimit => WordCount > WordLimit;
        public bool CanDecide => Status == StatementStatus.Submitted;
        public bool CanProceed => Status == StatementStatus.AwaitingCoSponsors;

        /// <summary>What the reviewer typed, kept when the page comes back with an error.</summary>
        public string? Reason { get; set; }

        public int? DuplicateOfId { get; set; }
    }

    /// <summary>The text in paragraphs (split on blank lines), each paragraph in its lines.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> ParagraphsOf(string text) =>
        BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
            .Select(p => (IReadOnlyList<string>)p.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList())
            .Where(p => p.Count > 0)
            .ToList();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLines();

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such statement.</summary>
        public async Task<Model?> HandleAsync(int id, string language)
        {
            var statement = await db.WrittenStatements.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new
                {
                    s.Id,
                    s.Version,
                    s.SessionId,
                    s.Title,
                    Organisation = db.Organisations.Where(o => o.Id == s.OrganisationId)
                        .Select(o => o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name)
                        .Single(),
                    s.Capacity,
                    s.Tier,
                    s.AgendaItemId,
                    s.Language,
                    s.Format,
                    FileName = db.StoredFiles.Where(f => f.Id == s.FileId).Select(f => f.OriginalName).FirstOrDefault(),
                    s.Text,
                    s.WordCount,
                    s.WordLimit,
                    s.IsLate,
                    s.IsJoint,
                    s.Status,
                    s.SubmittedAt,
                    s.CoSponsorsOverriddenByUserId,
                    s.Symbol,
                    s.IssuedOn,
                    s.Reason,
                    Original = db.WrittenStatements.Where(o => o.Id == s.DuplicateOfId).Select(o => new DuplicateOf(o.Id, o.Title, o.Symbol)).FirstOrDefault(),
                })
                .SingleOrDefaultAsync();
            if (statement is null)
            {
                return null;
            }

            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == statement.SessionId);
            var item = await db.AgendaItems.AsNoTracking().Where(a => a.Id == statement.AgendaItemId).Select(a => new { a.Number, a.Title }).SingleAsync();
            var coSponsors = await db.StatementCoSponsors.AsNoTracking().Where(c => c.WrittenStatementId == id)
                .Select(c => new CoSponsorRow(
                    db.Organisations.Where(o => o.Id == c.OrganisationId)
                        .Select(o => o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name)
                        .Single(),
                    c.Tier,
                    c.Answer,
                    c.AnsweredAt))
                .ToListAsync();
            var supporters = await db.WrittenStatements.AsNoTracking().Where(s => s.Id == id)
                .SelectMany(s => s.Supporters).OrderBy(s => s.Position).Select(s => s.Name).ToListAsync();
            var others = await db.WrittenStatements.AsNoTracking()
                .Where(s => s.SessionId == statement.SessionId && s.Id != id && s.Status != StatementStatus.Withdrawn)
                .Join(db.AgendaItems, s => s.AgendaItemId, a => a.Id, (s, a) => new { Statement = s, Item = a })
                .OrderBy(x => x.Item.Sequence).ThenBy(x => x.Statement.SubmittedAt).ThenBy(x => x.Statement.Id)
                .Select(x => new OtherStatement(x.Statement.Id, x.Statement.Title, x.Item.Number, x.Statement.Symbol, x.Statement.Status))
                .ToListAsync();

            return new Model
            {
                Id = statement.Id,
                Version = statement.Version,
                SessionId = session.Id,
                SessionSymbol = session.Symbol,
                SessionTitle = session.Title,
                TimeZoneId = session.TimeZoneId,
                Title = statement.Title,
                Organisation = statement.Organisation,
                Capacity = statement.Capacity,
                Tier = statement.Tier,
                AgendaItemNumber = item.Number,
                AgendaItemTitle = item.Title,
                Language = statement.Language,
                Format = statement.Format,
                FileName = statement.FileName,
                Paragraphs = ParagraphsOf(statement.Text),
                WordCount = statement.WordCount,
                WordLimit = statement.WordLimit,
                IsLate = statement.IsLate,
                IsJoint = statement.IsJoint,
                Status = statement.Status,
                SubmittedAt = session.ToLocal(statement.SubmittedAt),
                CoSponsorsOverridden = statement.CoSponsorsOverriddenByUserId is not null,
                Symbol = statement.Symbol,
                IssuedOn = statement.IssuedOn,
                DecisionReason = statement.Reason,
                Original = statement.Original,
                CoSponsors = StatementTiers.InListingOrder(coSponsors, c => c.Tier, c => c.Name).ToList(),
                Supporters = supporters,
                OtherStatements = others,
            };
        }
    }
}
