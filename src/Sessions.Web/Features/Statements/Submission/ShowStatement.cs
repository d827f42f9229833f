using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Statements.Submission;

/// <summary>
/// A statement as its submitter and the focal points of its organisation and co-sponsors see it: its status, the
/// co-sponsors' answers, the text read from it, its file; withdraw for the submitter, answer for a co-sponsor.
/// </summary>
public static class ShowStatement
{
    public sealed record CoSponsorRow(int OrganisationId, string Name, StatementTier Tier, CoSponsorAnswer Answer, DateTime? AnsweredAt);

    public sealed record Answerable(int OrganisationId, string Name);

    public sealed record Details(
        int Id,
        int SessionId,
        string SessionSymbol,
        TranslatedText SessionTitle,
        string TimeZoneId,
        AgendaItemHeading AgendaItem,
        string Title,
        string Organisation,
        string Language,
        StatementFormat Format,
        string? FileName,
        int WordCount,
        int WordLimit,
        bool IsJoint,
        bool IsLate,
        StatementStatus Status,
        /// <summary>At the venue.</summary>
        DateTime SubmittedAt,
        string? Symbol,
        DateOnly? IssuedOn,
        string? Reason,
        int? DuplicateOfId,
        string? DuplicateOf,
        bool CoSponsorsOverridden,
        IReadOnlyList<CoSponsorRow> CoSponsors,
        IReadOnlyList<string> Supporters,
        IReadOnlyList<string> Paragraphs,
        bool CanWithdraw,
        IReadOnlyList<Answerable> Answerable,
        bool ActsForCoSponsor,
        Guid Version)
    {
        public bool IsUndecided => Status is StatementStatus.AwaitingCoSponsors or StatementStatus.Submitted;
    }

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null when there is no such statement or the user may not reach it.</summary>
        public async Task<Details?> FindAsync(int id, string userId, bool isSecretariat, string language, CancellationToken cancellationToken = default)
        {
            var statement = await db.StatementsReachableBy(userId, isSecretariat).AsNoTracking().Where(s => s.Id == id)
                .Select(s => new
                {
                    s.Id,
                    s.SessionId,
                    Session = db.Sessions.Where(x => x.Id == s.SessionId).Select(x => new { x.Symbol, x.Title, x.TimeZoneId }).Single(),
                    s.AgendaItemId,
                    s.Title,
                    s.OrganisationId,
                    s.Language,
                    s.Format,
                    FileName = db.StoredFiles.Where(f => f.Id == s.FileId).Select(f => f.OriginalName).FirstOrDefault(),
                    s.WordCount,
                    s.WordLimit,
                    s.IsJoint,
                    s.IsLate,
                    s.Status,
                    s.SubmittedAt,
                    s.SubmittedByUserId,
                    s.Symbol,
                    s.IssuedOn,
                    s.Reason,
                    s.DuplicateOfId,
                    DuplicateOf = db.WrittenStatements.Where(d => d.Id == s.DuplicateOfId).Select(d => d.Symbol ?? d.Title).FirstOrDefault(),
                    Overridden = s.CoSponsorsOverriddenByUserId != null,
                    CoSponsors = s.CoSponsors.Select(c => new { c.OrganisationId, c.Tier, c.Answer, c.AnsweredAt }).ToList(),
                    Supporters = s.Supporters.OrderBy(x => x.Position).Select(x => x.Name).ToList(),
                    s.Text,
                    s.Version,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (statement is null)
            {
                return null;
            }

            var organisationIds = statement.CoSponsors.Select(c => c.OrganisationId).Append(statement.OrganisationId).ToList();
            var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
                .Select(o => new { o.Id, Name = o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name })
                .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
            var actsFor = await db.OrganisationsActedForBy(userId).Where(o => organisationIds.Contains(o)).ToListAsync(cancellationToken);
            var coSponsors = StatementTiers.InListingOrder(
                    statement.CoSponsors.Select(c => new CoSponsorRow(c.OrganisationId, names.GetValueOrDefault(c.OrganisationId, ""), c.Tier, c.Answer, c.AnsweredAt)),
                    c => c.Tier,
                    c => c.Name)
                .ToList();
            var owns = statement.SubmittedByUserId == userId || actsFor.Contains(statement.OrganisationId);
            var answerable = statement.Status == StatementStatus.AwaitingCoSponsors
                ? coSponsors.Where(c => c.Answer == CoSponsorAnswer.Pending && actsFor.Contains(c.OrganisationId)).Select(c => new Answerable(c.OrganisationId, c.Name)).ToList()
                : [];
            return new Details(
                statement.Id,
                statement.SessionId,
                statement.Session.Symbol,
                statement.Session.Title,
                statement.Session.TimeZoneId,
                await db.AgendaItems.AsNoTracking().Where(a => a.Id == statement.AgendaItemId).Select(a => new AgendaItemHeading(a.Number, a.Title)).SingleAsync(cancellationToken),
                statement.Title,
                names.GetValueOrDefault(statement.OrganisationId, ""),
                statement.Language,
                statement.Format,
                statement.FileName,
                statement.WordCount,
                statement.WordLimit,
                statement.IsJoint,
                statement.IsLate,
                statement.Status,
                VenueClock.ToLocal(statement.SubmittedAt, statement.Session.TimeZoneId),
                statement.Symbol,
                statement.IssuedOn,
                statement.Reason,
                statement.DuplicateOfId,
                statement.DuplicateOf,
                statement.Overridden,
                coSponsors,
                statement.Supporters,
                statement.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries),
                owns && statement.Status is StatementStatus.AwaitingCoSponsors or StatementStatus.Submitted,
                answerable,
                coSponsors.Any(c => actsFor.Contains(c.OrganisationId)),
                statement.Version);
        }
    }
}
