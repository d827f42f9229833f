using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sessions.Core.Data;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Speakers;
using Sessions.Web.Infrastructure.Spreadsheets;

namespace Sessions.Web.Features.Speakers.SpeakingTime;

/// <summary>
/// The speaking-time figures as a workbook: the two summaries of the page and every intervention, called at the
/// venue's clock. Durations are Excel times ([h]:mm:ss) so that they can be summed; names stay text whatever they
/// start with, so that a name such as "=SUM(...)" is never run as a formula.
/// </summary>
public static class ExportSpeakingTime
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string DurationFormat = "[h]:mm:ss";
    private const string CalledAtFormat = "yyyy-mm-dd hh:mm:ss";

    public sealed record Workbook(string FileName, byte[] Content);

    public sealed class Handler(SessionsDbContext db, SpeakingTimeReport.Handler report, IStringLocalizer<Text> t)
    {
        /// <summary>Null when the session does not exist, or the agenda item is not one of its items.</summary>
        public async Task<Workbook?> HandleAsync(int sessionId, int? agendaItemId, CancellationToken cancellationToken)
        {
            var summary = await report.HandleAsync(sessionId, agendaItemId, cancellationToken);
            if (summary is null)
            {
                return null;
            }

            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken);
            var language = Cultures.Current;
            var interventions = await Interventions.Query(db, sessionId, agendaItemId, language).ToListAsync(cancellationToken);

            using var workbook = new XLWorkbook();
            var byDelegation = TableSheets.Add(workbook, t["By delegation"], [new(t["Delegation"], 50), new(t["Capacity"], 28), new(t["Interventions"], 14), new(t["Total time"], 14), new(t["Average time"], 14)], Cultures.IsRightToLeft);
            var row = 1;
            foreach (var r in summary.ByDelegation)
            {
                row++;
                SetText(byDelegation.Cell(row, 1), r.Organisation);
                SetText(byDelegation.Cell(row, 2), t.For(r.Capacity));
                SetFigures(byDelegation, row, 3, r.Figures);
            }

            TableSheets.Finish(byDelegation, 1, row, 5);

            var byCapacity = TableSheets.Add(workbook, t["By capacity"], [new(t["Capacity"], 36), new(t["Interventions"], 14), new(t["Total time"], 14), new(t["Average time"], 14)], Cultures.IsRightToLeft);
            row = 1;
            foreach (var r in summary.ByCapacity)
            {
                row++;
                SetText(byCapacity.Cell(row, 1), t.For(r.Capacity));
                SetFigures(byCapacity, row, 2, r.Figures);
            }

            TableSheets.Finish(byCapacity, 1, row, 4);
            // The session total sits below the filtered range so that sorting and filtering leave it alone.
            var totalRow = row + 2;
            SetText(byCapacity.Cell(totalRow, 1), t["Session total"]);
            SetFigures(byCapacity, totalRow, 2, summary.Total);
            byCapacity.Row(totalRow).Style.Font.Bold = true;

            var list = TableSheets.Add(
                workbook,
                t["Interventions"],
                [
                    new(t["Agenda item"], 40), new(t["Delegation"], 50), new(t["Capacity"], 28), new(t["Kind"], 40), new(t["Speaker"], 32),
                    new(t["Called at ({0})", session.TimeZoneId], 24), new(t["Time used"], 14), new(t["Time allowed"], 14),
                ],
                Cultures.IsRightToLeft);
            row = 1;
            foreach (var i in interventions)
            {
                row++;
                SetText(list.Cell(row, 1), $"{i.AgendaItemNumber} {i.AgendaItemTitle.In(language).Text}");
                SetText(list.Cell(row, 2), i.Delegation);
                SetText(list.Cell(row, 3), t.For(i.Capacity));
                SetText(list.Cell(row, 4), Interventions.KindOf(t, i.Kind, i.ReplyRound, i.GroupName));
                SetText(list.Cell(row, 5), i.Speaker);
                if (i.CalledAt is { } calledAt)
                {
                    list.Cell(row, 6).SetValue(session.ToLocal(calledAt));
                    list.Cell(row, 6).Style.NumberFormat.Format = CalledAtFormat;
                }

                SetDuration(list.Cell(row, 7), i.UsedSeconds);
                if (i.AllowedSeconds is { } allowed)
                {
                    SetDuration(list.Cell(row, 8), allowed);
                }
            }

            TableSheets.Finish(list, 1, row, 8);

            using var stream = new MemoryStream();
            workbook.SaveAs(stream);
            var fileName = $"speaking-time-{session.Symbol.Replace('/', '-').Replace('.', '-')}.xlsx";
            return new Workbook(fileName, stream.ToArray());
        }

        private static void SetFigures(IXLWorksheet sheet, int row, int column, SpeakingTimeReport.Figures figures)
        {
            sheet.Cell(row, column).SetValue(figures.Count);
            SetDuration(sheet.Cell(row, column + 1), figures.TotalSeconds);
            SetDuration(sheet.Cell(row, column + 2), Math.Round(figures.AverageSeconds, MidpointRounding.AwayFromZero));
        }

        private static void SetDuration(IXLCell cell, double seconds)
        {
            cell.SetValue(seconds / 86400d);
            cell.Style.NumberFormat.Format = DurationFormat;
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
