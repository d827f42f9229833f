using ClosedXML.Excel;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Spreadsheets;

namespace Sessions.Web.Features.ParticipationStatistics;

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
            WriteSummary(workbook.AddWorksheet(SheetName(t["Summary (participation statistics)"])), figures);
            WriteCategories(workbook.AddWorksheet(SheetName(t["By category"])), figures);
            WriteSessions(workbook.AddWorksheet(SheetName(t["By session"])), figures);
            WriteOrganisations(workbook.AddWorksheet(SheetName(t["Organisations"])), figures);
            foreach (var sheet in workbook.Worksheets)
            {
                sheet.RightToLeft = Cultures.IsRightToLeft;
            }

            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            return stream.ToArray();
        }

        private void WriteSummary(IXLWorksheet sheet, CountParticipation.Figures figures)
        {
            SpreadsheetText.Safe(sheet.Cell(1, 1), t["Participation statistics"]).Style.Font.SetBold();
            SpreadsheetText.Safe(sheet.Cell(2, 1), t["Body"]);
            SpreadsheetText.Safe(sheet.Cell(2, 2), figures.BodyName);
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

        private void WriteCategories(IXLWorksheet sheet, CountParticipation.Figures figures)
        {
            Header(sheet, [(t["Category"], 42), (t["Organisations attending"], 18), (t["Organisations that made statements"], 18), (t["Oral statements made"], 14), (t["Written statements"], 14)]);
            var row = 2;
            foreach (var category in figures.Categories)
            {
                SpreadsheetText.Safe(sheet.Cell(row, 1), t.For(category.Category));
                Numbers(sheet, row++, 2, category.OrganisationsAttending, category.OrganisationsWithStatements, category.OralStatements, category.WrittenStatements);
            }

            SpreadsheetText.Safe(sheet.Cell(row, 1), t["All categories"]).Style.Font.SetBold();
            Numbers(sheet, row, 2, figures.OrganisationsAttending, figures.OrganisationsThatMadeStatements, figures.OralStatements, figures.WrittenStatements);
            sheet.Row(row).Style.Font.SetBold();
            Finish(sheet, row - 1, 5);
        }

        private void WriteSessions(IXLWorksheet sheet, CountParticipation.Figures figures)
        {
            Header(sheet, [(t["Symbol"], 16), (t["Title"], 48), (t["Opens on"], 12), (t["Closes on"], 12), (t["Organisations attending"], 18),
                (t["Organisations that made statements"], 18), (t["Participants present at a meeting"], 16), (t["Oral statements made"], 14), (t["Written statements"], 14)]);
            var row = 2;
            foreach (var session in figures.Sessions)
            {
                SpreadsheetText.Safe(sheet.Cell(row, 1), session.Symbol);
                SpreadsheetText.Safe(sheet.Cell(row, 2), session.Title);
                sheet.Cell(row, 3).SetValue(session.OpensOn.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm-dd";
                sheet.Cell(row, 4).SetValue(session.ClosesOn.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.Format = "yyyy-mm-dd";
                Numbers(sheet, row++, 5, session.OrganisationsAttending, session.OrganisationsWithStatements, session.ParticipantsAttended, session.OralStatements, session.WrittenStatements);
            }

            Finish(sheet, row - 1, 9);
        }

        private void WriteOrganisations(IXLWorksheet sheet, CountParticipation.Figures figures)
        {
            Header(sheet, [(t["Name"], 48), (t["Category"], 36), (t["Country"], 10), (t["Sessions attended"], 12), (t["Oral statements made"], 14),
                (t["Written statements"], 14), (t["Written statements co-sponsored"], 16)]);
            var row = 2;
            foreach (var organisation in figures.OrganisationsWithStatements)
            {
                SpreadsheetText.Safe(sheet.Cell(row, 1), organisation.Name);
                SpreadsheetText.Safe(sheet.Cell(row, 2), t.For(organisation.Category));
                SpreadsheetText.Safe(sheet.Cell(row, 3), organisation.CountryCode);
                Numbers(sheet, row++, 4, organisation.SessionsAttended, organisation.OralStatements, organisation.WrittenStatements, organisation.WrittenStatementsCoSponsored);
            }

            Finish(sheet, row - 1, 7);
        }

        private static void Header(IXLWorksheet sheet, IReadOnlyList<(string Title, double Width)> columns)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                SpreadsheetText.Safe(sheet.Cell(1, i + 1), columns[i].Title);
                sheet.Column(i + 1).Width = columns[i].Width;
            }

            sheet.Row(1).Style.Font.SetBold();
            sheet.Row(1).Style.Alignment.SetWrapText();
        }

        private static void Numbers(IXLWorksheet sheet, int row, int column, params int[] values)
        {
            foreach (var value in values)
            {
                sheet.Cell(row, column++).SetValue(value);
            }
        }

        private static void Finish(IXLWorksheet sheet, int lastRow, int lastColumn)
        {
            sheet.SheetView.FreezeRows(1);
            sheet.Range(1, 1, Math.Max(lastRow, 1), lastColumn).SetAutoFilter();
        }

        // Excel refuses sheet names over 31 characters or with : \ / ? * [ ].
        private static string SheetName(string name)
        {
            var clean = string.Concat(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')));
            return clean.Length > 31 ? clean[..31] : clean;
        }
    }
}
