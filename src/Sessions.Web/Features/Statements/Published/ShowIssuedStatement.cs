using Microsoft.EntityFrameworkCore;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Statements;

namespace Sessions.Web.Features.Statements.Published;

/// <summary>
/// An issued statement as a document of the session, printable: the header of a UN document (symbol, "Distr.: General",
/// date of issue at the venue, original language), the session and agenda item, the title, who submitted it (the
/// co-sponsors by tier, then name), its text, and the footnote naming the supporters.
/// </summary>
public static class ShowIssuedStatement
{
    public sealed record Model(
        int Id,
        int SessionId,
        string SessionSymbol,
        TranslatedText SessionTitle,
        TranslatedText BodyName,
        TranslatedText Venue,
        DateOnly OpensOn,
        DateOnly ClosesOn,
        string AgendaItemNumber,
        TranslatedText AgendaItemTitle,
        string Symbol,
        DateOnly IssuedOn,
        string Language,
        string Title,
        bool IsJoint,
        string SubmittedBy,
        IReadOnlyList<string> CoSponsors,
        IReadOnlyList<string> Supporters,
        IReadOnlyList<string> Paragraphs,
        StatementFormat Format);

    public sealed class Handler(SessionsDbContext db)
    {
        /// <summary>Null unless the statement is issued and its session published.</summary>
        public async Task<Model?> HandleAsync(int id, string language)
        {
            var statement = await (
                    from w in db.WrittenStatements.AsNoTracking()
                    join s in db.Sessions on w.SessionId equals s.Id
                    join a in db.AgendaItems on w.AgendaItemId equals a.Id
                    where w.Id == id && w.Status == StatementStatus.Issued && s.IsPublished
                    select new
                    {
                        w.Id,
                        w.SessionId,
                        SessionSymbol = s.Symbol,
                        SessionTitle = s.Title,
                        BodyName = s.Body!.Name,
                        s.Venue,
                        s.OpensOn,
                        s.ClosesOn,
                        ItemNumber = a.Number,
                        ItemTitle = a.Title,
                        Symbol = w.Symbol!,
                        IssuedOn = w.IssuedOn!.Value,
                        w.Language,
                        w.Title,
                        w.IsJoint,
                        w.OrganisationId,
                        w.Text,
                        w.Format,
                    })
                .SingleOrDefaultAsync();
            if (statement is null)
            {
                return null;
            }

            var coSponsors = await db.StatementCoSponsors.AsNoTracking()
                .Where(c => c.WrittenStatementId == id && c.Answer != CoSponsorAnswer.Declined)
                .Select(c => new { c.OrganisationId, c.Tier })
                .ToListAsync();
            var supporters = await db.WrittenStatements.AsNoTracking().Where(w => w.Id == id)
                .SelectMany(w => w.Supporters).OrderBy(s => s.Position).Select(s => s.Name).ToListAsync();
            var names = await OrganisationNames.InAsync(db, coSponsors.Select(c => c.OrganisationId).Append(statement.OrganisationId), language);

            return new Model(
                statement.Id,
                statement.SessionId,
                statement.SessionSymbol,
                statement.SessionTitle,
                statement.BodyName,
                statement.Venue,
                statement.OpensOn,
                statement.ClosesOn,
                statement.ItemNumber,
                statement.ItemTitle,
                statement.Symbol,
                statement.IssuedOn,
                statement.Language,
                statement.Title,
                statement.IsJoint,
                names[statement.OrganisationId],
                StatementTiers.InListingOrder(coSponsors, c => c.Tier, c => names[c.OrganisationId]).Select(c => names[c.OrganisationId]).ToList(),
                supporters,
                Paragraphs(statement.Text),
                statement.Format);
        }

        /// <summary>The text is kept as paragraphs separated by blank lines; line breaks inside a paragraph stay.</summary>
        private static List<string> Paragraphs(string text) =>
            text.Replace("\r\n", "\n", StringComparison.Ordinal)
                .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToList();
    }
}
