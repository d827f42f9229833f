using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Sessions.Web.Infrastructure.Spreadsheets;

namespace Sessions.Benchmarks;

/// <summary>
/// The attendance report's large sheet: rows × 12 synthetic participant cells written (a) by a bare OpenXmlWriter
/// (the floor), (b) by StreamedWorkbook (a ClosedXML summary sheet + the streamed sheet), (c) by ClosedXML alone.
/// Each case runs in its own child process so that the peaks (VmHWM) do not mix.
/// </summary>
public static class ReportWriterBenchmark
{
    public const string ChildCommand = "report-writer-case";

    private static readonly string[] GivenNames = ["Amina", "محمد", "王芳", "Ольга", "José", "=Zoë", "Nguyễn", "Aïcha", "李伟", "Дмитрий", "فاطمة", "Siobhán"];
    private static readonly string[] FamilyNames = ["Diallo", "العتيبي", "陈", "Иванова", "García", "+Müller", "Trần", "Benali", "张", "Смирнов", "الحسيني", "O'Neill"];
    private static readonly string[] Organisations = ["Friends of the Earth International", "منظمة الصحة للجميع", "中国国际民间组织合作促进会", "Российский союз молодёжи", "Red Cross Society", "@Global Youth Network"];
    private static readonly string[] Functions = ["Head of delegation", "Delegate", "Adviser", "مستشار", "代表", "Советник"];
    private static readonly string[] Countries = ["Senegal", "Egypt", "China", "Russian Federation", "Spain", "Germany", "Viet Nam", "Algeria"];

    private static readonly StreamedColumn[] Columns =
    [
        new("Given name", 20), new("Family name", 20), new("Organisation", 40), new("Function", 20), new("Country", 20), new("Email", 32),
        new("Registration", 12), new("Registered", 18), new("Approved", 18), new("Meetings attended", 10), new("Minutes spoken", 10), new("Present", 8),
    ];

    private static readonly string[] Cases = ["bare-openxmlwriter", "streamed-workbook", "closedxml-alone"];

    public static async Task RunAsync(int rows, bool withClosedXml)
    {
        Console.WriteLine($"report-writer: {rows:N0} rows x {Columns.Length} columns, {Environment.ProcessorCount} cores, each case in a fresh process");
        Console.WriteLine($"{"case",-20} {"seconds",8} {"peak MiB",9} {"file MiB",9}");
        await ChildCases.RunAsync(ChildCommand, withClosedXml ? Cases : Cases[..2], rows.ToString(CultureInfo.InvariantCulture));
    }

    public static async Task<int> RunCaseAsync(string name, int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"report-writer-{name}-{Environment.ProcessId}.xlsx");
        var clock = Stopwatch.StartNew();
        try
        {
            switch (name)
            {
                case "bare-openxmlwriter":
                    await WriteBareAsync(path, rows);
                    break;
                case "streamed-workbook":
                    await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                    {
                        await StreamedWorkbook.WriteAsync(file, workbook => Summary(workbook, rows), [new StreamedSheet("Participants", Columns, RowsAsync(rows))], CancellationToken.None);
                    }

                    break;
                case "closedxml-alone":
                    WriteClosedXml(path, rows);
                    break;
                default:
                    Console.Error.WriteLine($"Unknown case {name}");
                    return 2;
            }

            clock.Stop();
            var size = new FileInfo(path).Length / 1024.0 / 1024.0;
            Console.WriteLine($"{name,-20} {clock.Elapsed.TotalSeconds,8:F2} {ChildCases.PeakMebibytes(),9:F0} {size,9:F1}");
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static object?[] Row(int i)
    {
        var registered = new DateTime(2026, 1, 5, 9, 0, 0).AddMinutes(i % 50_000);
        return
        [
            GivenNames[i % GivenNames.Length], FamilyNames[i / 7 % FamilyNames.Length], Organisations[i % Organisations.Length],
            Functions[i % Functions.Length], Countries[i % Countries.Length], $"participant{i}@example.org",
            100_000 + i, registered, registered.AddDays(3), i % 11, Math.Round(i % 97 * 1.25, 2), i % 3 != 0,
        ];
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            yield return Row(i);
        }

        await Task.CompletedTask;
    }

    private static void Summary(XLWorkbook workbook, int rows)
    {
        var sheet = workbook.AddWorksheet("Summary");
        SpreadsheetText.Safe(sheet.Cell(1, 1), "Capacity").Style.Font.Bold = true;
        SpreadsheetText.Safe(sheet.Cell(1, 2), "Participants").Style.Font.Bold = true;
        string[] capacities = ["Member State", "Observer State", "Intergovernmental organisation", "Non-governmental organisation"];
        for (var i = 0; i < capacities.Length; i++)
        {
            SpreadsheetText.Safe(sheet.Cell(i + 2, 1), capacities[i]);
            sheet.Cell(i + 2, 2).Value = rows / capacities.Length;
        }

        sheet.Column(1).Width = 36;
        sheet.Column(2).Width = 14;
        sheet.SheetView.FreezeRows(1);
    }

    private static void WriteClosedXml(string path, int rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Participants");
        for (var c = 0; c < Columns.Length; c++)
        {
            SpreadsheetText.Safe(sheet.Cell(1, c + 1), Columns[c].Header).Style.Font.Bold = true;
            sheet.Column(c + 1).Width = Columns[c].Width;
        }

        for (var i = 0; i < rows; i++)
        {
            var values = Row(i);
            for (var c = 0; c < values.Length; c++)
            {
                var cell = sheet.Cell(i + 2, c + 1);
                switch (values[c])
                {
                    case string text:
                        SpreadsheetText.Safe(cell, text);
                        break;
                    case DateTime date:
                        cell.Value = date;
                        break;
                    case bool flag:
                        cell.Value = flag;
                        break;
                    case int number:
                        cell.Value = number;
                        break;
                    case double number:
                        cell.Value = number;
                        break;
                }
            }
        }

        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, rows + 1, Columns.Length).SetAutoFilter();
        workbook.SaveAs(path);
    }

    private static Task WriteBareAsync(string path, int rows) =>
        ChildCases.WriteBareWorkbookAsync(path, [("Participants", Columns, RowsAsync(rows))]);
}
