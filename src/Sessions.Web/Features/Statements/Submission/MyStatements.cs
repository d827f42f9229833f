using Microsoft.EntityFrameworkCore;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Statements;
using Sessions.Core.Common;

namespace Sessions.Web.Features.Statements.Submission;

/// <summary>
/// A delegate's or focal point's written statements (those they submitted and those of their organisations), the
/// requests to co-sponsor that their organisations received, and the sessions they can submit to.
/// </summary>
public static class MyStatements
{
    public const int PageSize = 20;

    public sealed record Row(int Id, string SessionSymbol, AgendaItemHeading AgendaItem, string Title, string Organisation, StatementStatus Status, bool IsJoint, bool IsLate, int WordCount, DateTime SubmittedAt, string? Symbol);

    public sealed record CoSponsorRequest(int StatementId, string SessionSymbol, string Title, string SubmittedBy, string CoSponsor, CoSponsorAnswer Answer, StatementStatus Status);

    public sealed record OpenSession(int SessionId, string Symbol, TranslatedText Title, DateOnly OpensOn);

    public sealed record Model(IReadOnlyList<Row> Rows, int Page, int PageCount, IReadOnlyList<CoSponsorRequest> Requests, IReadOnlyList<OpenSession> Sessions);

    public sealed class Handler(SessionsDbContext db, TimeProvider clock)
    {
        public async Task<Model> HandleAsync(string userId, string language, int page, CancellationToken cancellationToken = default)
        {
            var mine = db.StatementsOwnedBy(userId).AsNoTracking();
            var count = await mine.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pageCount);
            var rows = await mine.OrderByDescending(s => s.SubmittedAt).ThenByDescending(s => s.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Join(db.AgendaItems, s => s.AgendaItemId, a => a.Id, (s, a) => new { s, a })
                .OrderByDescending(x => x.s.SubmittedAt).ThenByDescending(x => x.s.Id)
                .Select(x => new Row(
                    x.s.Id,
                    db.Sessions.Where(v => v.Id == x.s.SessionId).Select(v => v.Symbol).Single(),
                    new AgendaItemHeading(x.a.Number, x.a.Title),
                    x.s.Title,
                    db.Organisations.Where(o => o.Id == x.s.OrganisationId).Select(o => o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name).Single(),
                    x.s.Status,
                    x.s.IsJoint,
                    x.s.IsLate,
                    x.s.WordCount,
                    x.s.SubmittedAt,
                    x.s.Symbol))
                .ToListAsync(cancellationToken);

            // Pending requests first, then the latest; answered ones stay listed while their statement is in play.
            var organisations = db.OrganisationsActedForBy(userId);
            var requests = await db.StatementCoSponsors.AsNoTracking().Where(c => organisations.Contains(c.OrganisationId))
                .Join(db.WrittenStatements, c => c.WrittenStatementId, s => s.Id, (c, s) => new { c, s })
                .Where(x => x.c.Answer == CoSponsorAnswer.Pending || x.s.Status == StatementStatus.AwaitingCoSponsors || x.s.Status == StatementStatus.Submitted || x.s.Status == StatementStatus.Issued)
                .OrderBy(x => x.c.Answer != CoSponsorAnswer.Pending).ThenByDescending(x => x.c.RequestedAt).ThenByDescending(x => x.c.Id)
                .Take(50)
                .Select(x => new CoSponsorRequest(
                    x.s.Id,
                    db.Sessions.Where(v => v.Id == x.s.SessionId).Select(v => v.Symbol).Single(),
                    x.s.Title,
                    db.Organisations.Where(o => o.Id == x.s.OrganisationId).Select(o => o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name).Single(),
                    db.Organisations.Where(o => o.Id == x.c.OrganisationId).Select(o => o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name).Single(),
                    x.c.Answer,
                    x.s.Status))
                .ToListAsync(cancellationToken);

            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var sessions = await db.Sessions.AsNoTracking()
                .Where(s => s.ClosesOn >= today && db.DelegationsSubmittingFor(userId).Any(d => d.SessionId == s.Id && d.Status == RegistrationStatus.Approved))
                .OrderBy(s => s.OpensOn).ThenBy(s => s.Id)
                .Select(s => new OpenSession(s.Id, s.Symbol, s.Title, s.OpensOn))
                .Take(50)
                .ToListAsync(cancellationToken);
            return new Model(rows, page, pageCount, requests, sessions);
        }
    }
}
