using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Core.Statements;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Spreadsheets;

namespace Sessions.Web.Features.Statements.Review;

/// <summary>
/// A session's written statements as a workbook, with the queue's filters: one row per statement with its symbol,
/// status, agenda item, title, submitter, tier, co-sponsors (by tier then name), language, words against the limit,
/// late flag and dates at the venue. Text cells stay text, so a title such as "=SUM(...)" is never run as a formula.
/// </summary>
public static class ExportStatements
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string DateTimeFormat = "yyyy-mm-dd hh:mm";
    private const string DateFormat = "yyyy-mm-dd";

    public sealed record Workbook(string FileName, byte[] Content);

    public sealed class Handler(SessionsDbContext db, IStringLocalizer<Text> t)
    {
        /// <summary>Null when there is no such session.</summary>
        public async Task<Workbook?> HandleAsync(int sessionId, StatementQueue.Query query, string language, CancellationToken cancellationToken)
        {
            var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session is null)
            {
                return null;
            }

            var statements = StatementQueue.Filtered(db, sessionId, query, language);
            var rows = await statements
                .Join(db.AgendaItems, s => s.AgendaItemId, a => a.Id, (s, a) => new { Statement = s, Item = a })
                .OrderBy(x => x.Item.Sequence).ThenBy(x => x.Statement.Series).ThenBy(x => x.Statement.Number).ThenBy(x => x.Statement.SubmittedAt).ThenBy(x => x.Statement.Id)
                .Select(x => new
                {
                    x.Statement.Id,
                    x.Statement.Symbol,
                    x.Statement.Status,
                    ItemNumber = x.Item.Number,
                    ItemTitle = x.Item.Title,
                    x.Statement.Title,
                    Organisation = db.Organisations.Where(o => o.Id == x.Statement.OrganisationId)
                        .Select(o => o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name)
                        .Single(),
                    x.Statement.Tier,
                    x.Statement.Language,
                    x.Statement.WordCount,
                    x.Statement.WordLimit,
                    x.Statement.IsLate,
                    x.Statement.SubmittedAt,
                    x.Statement.IssuedOn,
                })
                .ToListAsync(cancellationToken);

            // Every co-sponsor of the listed statements in one query, not one per statement.
            var coSponsors = (await statements
                .SelectMany(s => s.CoSponsors.Where(c => c.Answer != CoSponsorAnswer.Declined))
                .Select(c => new
                {
                    c.WrittenStatementId,
                    c.Tier,
                    Name = db.Organisations.Where(o => o.Id == c.OrganisationId)
                        .Select(o => o.OriginalLanguage == language ? o.Name : o.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() ?? o.Name)
                        .Single(),
                })
                .ToListAsync(cancellationToken))
                .ToLookup(c => c.WrittenStatementId);

            using var workbook = new XLWorkbook();
            StreamedColumn[] columns =
            [
                new(t["Symbol"], 24), new(t["Status"], 18), new(t["Agenda item"], 40), new(t["Title"], 50), new(t["Submitting organisation"], 40),
                new(t["Accreditation tier"], 24), new(t["Co-sponsors (by tier, then name)"], 50), new(t["Language"], 10), new(t["Number of words"], 12), new(t["Word limit applied"], 12),
                new(t["Received late"], 8), new(t["Submitted at ({0})", session.TimeZoneId], 20), new(t["Issued on"], 14),
            ];
            var sheet = TableSheets.Add(workbook, t["Statement list"], columns, Cultures.IsRightToLeft);
            var row = 1;
            foreach (var s in rows)
            {
                row++;
                SetText(sheet.Cell(row, 1), s.Symbol);
                SetText(sheet.Cell(row, 2), t.For(s.Status));
                SetText(sheet.Cell(row, 3), $"{s.ItemNumber} {s.ItemTitle.In(language).Text}");
                SetText(sheet.Cell(row, 4), s.Title);
                SetText(sheet.Cell(row, 5), s.Organisation);
                SetText(sheet.Cell(row, 6), t.For(s.Tier));
                SetText(sheet.Cell(row, 7), string.Join("; ", StatementTiers.InListingOrder(coSponsors[s.Id], c => c.Tier, c => c.Name).Select(c => c.Name)));
                SetText(sheet.Cell(row, 8), s.Language);
                sheet.Cell(row, 9).SetValue(s.WordCount);
                sheet.Cell(row, 10).SetValue(s.WordLimit);
                SetText(sheet.Cell(row, 11), s.IsLate ? t["Yes"] : t["No"]);
                sheet.Cell(row, 12).SetValue(session.ToLocal(s.SubmittedAt));
                sheet.Cell(row, 12).Style.NumberFormat.Format = DateTimeFormat;
                if (s.IssuedOn is { } issuedOn)
                {
                    sheet.Cell(row, 13).SetValue(issuedOn.ToDateTime(TimeOnly.MinValue));
                    sheet.Cell(row, 13).Style.NumberFormat.Format = DateFormat;
                }
            }

            TableSheets.Finish(sheet, 1, row, columns.Length);
            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            var fileName = $"statements-{session.Symbol.Replace('/', '-').Replace('.', '-')}.xlsx";
            return new Workbook(fileName, stream.ToArray());
        }

        /// <summary>Always text: SetValue of a string never makes a formula, and the type keeps "1234" or "=1+1" as written.</summary>
        private static void SetText(IXLCell cell, string? text)
        {
            if (!string.IsNullOrEmpty(text))
            {
                cell.SetValue(text);
                cell.DataType = XLDataType.Text;
            }
        }
    }
}
