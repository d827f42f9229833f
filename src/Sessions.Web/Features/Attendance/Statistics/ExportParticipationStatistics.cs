using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Spreadsheets;

namespace Sessions.Web.Features.Attendance.Statistics;

/// <summary>
/// The statistics as a workbook in the reader's language: Summary (the sentences), By category, By session and
/// Organisations (those that made statements). Small, so ClosedXML writes it whole.
/// </summary>
public static class ExportParticipationStatistics
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(string symbolPrefix, CountParticipation.Figures figures)
    {
        var prefix = string.Concat(symbolPrefix.Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        return $"participation-{prefix}-{figures.From:yyyy-MM-dd}-{figures.To:yyyy-MM-dd}.xlsx";
    }

    public sealed class Handler(IStringLocalizer<Text> t)
    {
        public byte[] Write(CountParticipation.Figures figures)
        {
            using var workbook = new XLWorkbook();
            var summary = workbook.AddWorksheet(TableSheets.Name(t["Summary (participation statistics)"]));
            summary.RightToLeft = Cultures.IsRightToLeft;
            WriteSummary(summary, figures);
            WriteCategories(workbook, figures);
            WriteSessions(workbook, figures);
            WriteOrganisations(workbook, figures);

            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            return stream.ToArray();
        }

        private void WriteSummary(IXLWorksheet sheet, CountParticipation.Figures figures)
        {
            SpreadsheetText.Safe(sheet.Cell(1, 1), t["Participation statistics"]).Style.Font.SetBold();
            SpreadsheetText.Safe(sheet.Cell(2, 1), t["Body"]);
            SpreadsheetText.Safe(sheet.Cell(2, 2), figures.BodyName.In(Cultures.Current).Text);
            SpreadsheetText.Safe(sheet.Cell(3, 1), t["Sessions opening from"]);
            sheet.Cell(3, 2).SetValue(figures.From.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm-dd";
            SpreadsheetText.Safe(sheet.Cell(4, 1), t["Sessions opening until"]);
            sheet.Cell(4, 2).SetValue(figures.To.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm-dd";
            var row = 6;
            foreach (var sentence in ParticipationSentences.Write(figures, t))
            {
                SpreadsheetText.Safe(sheet.Cell(row++, 1), sentence);
            }

            SpreadsheetText.Safe(sheet.Cell(++row, 1), t["Observers only: delegations of members of the body are not counted."]).Style.Font.SetItalic();
            sheet.Column(1).Width = 40;
            sheet.Column(2).Width = 60;
        }

        private void WriteCategories(XLWorkbook workbook, CountParticipation.Figures figures)
        {
            var sheet = TableSheets.Add(workbook, t["By category"], [new(t["Category"], 42), new(t["Organisations attending"], 18), new(t["Organisations that made statements"], 18), new(t["Oral statements made"], 14), new(t["Written statements"], 14)], Cultures.IsRightToLeft);
            var row = 2;
            foreach (var category in figures.Categories)
            {
                SpreadsheetText.Safe(sheet.Cell(row, 1), t.For(category.Category));
                Numbers(sheet, row++, 2, category.OrganisationsAttending, category.OrganisationsWithStatements, category.OralStatements, category.WrittenStatements);
            }

            SpreadsheetText.Safe(sheet.Cell(row, 1), t["All categories"]).Style.Font.SetBold();
            Numbers(sheet, row, 2, figures.OrganisationsAttending, figures.OrganisationsThatMadeStatements, figures.OralStatements, figures.WrittenStatements);
            sheet.Row(row).Style.Font.SetBold();
            TableSheets.Finish(sheet, 1, row - 1, 5);
        }

        private void WriteSessions(XLWorkbook workbook, CountParticipation.Figures figures)
        {
            var sheet = TableSheets.Add(workbook, t["By session"], [new(t["Symbol"], 16), new(t["Title"], 48), new(t["Opens on"], 12), new(t["Closes on"], 12), new(t["Organisations attending"], 18),
                new(t["Organisations that made statements"], 18), new(t["Participants present at a meeting"], 16), new(t["Oral statements made"], 14), new(t["Written statements"], 14),
                new(t["Present in the room"], 14), new(t["Present online"], 14)], Cultures.IsRightToLeft);
            var row = 2;
            foreach (var session in figures.Sessions)
            {
                SpreadsheetText.Safe(sheet.Cell(row, 1), session.Symbol);
                SpreadsheetText.Safe(sheet.Cell(row, 2), session.Title.In(Cultures.Current).Text);
                sheet.Cell(row, 3).SetValue(session.OpensOn.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm-dd";
                sheet.Cell(row, 4).SetValue(session.ClosesOn.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm-dd";
                Numbers(sheet, row++, 5, session.OrganisationsAttending, session.OrganisationsWithStatements, session.ParticipantsAttended, session.OralStatements, session.WrittenStatements,
                    session.ParticipantsInTheRoom, session.ParticipantsOnline);
            }

            TableSheets.Finish(sheet, 1, row - 1, 11);
        }

        private void WriteOrganisations(XLWorkbook workbook, CountParticipation.Figures figures)
        {
            var sheet = TableSheets.Add(workbook, t["Organisations"], [new(t["Name"], 48), new(t["Category"], 36), new(t["Country"], 10), new(t["Sessions attended"], 12), new(t["Oral statements made"], 14),
                new(t["Written statements"], 14), new(t["Written statements co-sponsored"], 16)], Cultures.IsRightToLeft);
            var row = 2;
            foreach (var organisation in figures.OrganisationsWithStatements)
            {
                SpreadsheetText.Safe(sheet.Cell(row, 1), organisation.Name);
                SpreadsheetText.Safe(sheet.Cell(row, 2), t.For(organisation.Category));
                SpreadsheetText.Safe(sheet.Cell(row, 3), organisation.CountryCode);
                Numbers(sheet, row++, 4, organisation.SessionsAttended, organisation.OralStatements, organisation.WrittenStatements, organisation.WrittenStatementsCoSponsored);
            }

            TableSheets.Finish(sheet, 1, row - 1, 7);
        }

        private static void Numbers(IXLWorksheet sheet, int row, int column, params int[] values)
        {
            foreach (var value in values)
            {
                sheet.Cell(row, column++).SetValue(value);
            }
        }
    }
}
