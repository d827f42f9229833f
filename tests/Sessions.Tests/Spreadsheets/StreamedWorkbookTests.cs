using System.Runtime.CompilerServices;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Spreadsheets;
using Xunit.Abstractions;

namespace Sessions.Tests.Spreadsheets;

public sealed class StreamedWorkbookTests(ITestOutputHelper output)
{
    private const int ParticipantRows = 3000;
    private static readonly DateTime FirstMeeting = new(2026, 3, 9, 10, 0, 0);

    private static readonly string[] Names =
    [
        "=SUM(A1)", "+33 1 23 45", "-5", "@admin", "\tTabbed", "\rReturned", "محمد بن عبد الله", "王小明", "Ольга Петрова", "Zoë O'Brien",
    ];

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Participants([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < ParticipantRows; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = i == 7 ? "Bad\u0001Name\u001F" : Names[i % Names.Length];
            yield return [name, i + 1, FirstMeeting.AddMinutes(i), i % 2 == 0, i % 3 == 0 ? null : 12.5 * i];
            if (i % 500 == 0)
            {
                await Task.Yield();
            }
        }
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Meetings()
    {
        await Task.Yield();
        yield return ["Opening", 3L, new DateOnly(2026, 3, 9), TimeSpan.FromSeconds(90061)];
        yield return ["=1+1", 4L];
    }

    private static readonly StreamedColumn[] ParticipantColumns =
    [
        new("Name", 40), new("Number", 10), new("Checked in", 20), new("Present", 8), new("Minutes", 12),
    ];

    private static async Task<MemoryStream> WriteAsync()
    {
        var stream = new MemoryStream();
        await StreamedWorkbook.WriteAsync(
            stream,
            workbook =>
            {
                var summary = workbook.AddWorksheet("Summary");
                SpreadsheetText.Safe(summary.Cell(1, 1), "=HYPERLINK(\"http://x\")");
                SpreadsheetText.Safe(summary.Cell(1, 2), "٢١٥ منظمة");
                summary.Cell(2, 1).Value = 215;
            },
            [
                new StreamedSheet("Participants", ParticipantColumns, Participants()),
                new StreamedSheet("المشاركون", [new("Meeting", 30), new("Count", 9), new("Day", 12), new("Length", 12)], Meetings(), RightToLeft: true),
            ],
            CancellationToken.None);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task Sheets_come_in_order_after_the_small_ones()
    {
        using var workbook = new XLWorkbook(await WriteAsync());

        Assert.Equal(["Summary", "Participants", "المشاركون"], workbook.Worksheets.Select(w => w.Name).ToArray());
        Assert.Equal(215, workbook.Worksheet("Summary").Cell(2, 1).GetValue<int>());
        Assert.True(workbook.Worksheet("المشاركون").RightToLeft);
        Assert.False(workbook.Worksheet("Participants").RightToLeft);
    }

    [Fact]
    public async Task Formula_looking_text_stays_text_in_both_kinds_of_sheet()
    {
        using var workbook = new XLWorkbook(await WriteAsync());
        var participants = workbook.Worksheet("Participants");

        for (var i = 0; i < Names.Length; i++)
        {
            var cell = participants.Cell(i + 2, 1);
            if (i == 7)
            {
                continue;
            }

            Assert.False(cell.HasFormula, $"row {i + 2}");
            Assert.Equal(XLDataType.Text, cell.DataType);
            // XML readers turn a lone CR into LF; what matters is that the cell is text.
            Assert.Equal(Names[i].Replace('\r', '\n'), cell.GetString());
        }

        var meetings = workbook.Worksheet("المشاركون");
        Assert.False(meetings.Cell(3, 1).HasFormula);
        Assert.Equal("=1+1", meetings.Cell(3, 1).GetString());

        var summary = workbook.Worksheet("Summary").Cell(1, 1);
        Assert.False(summary.HasFormula);
        Assert.Equal(XLDataType.Text, summary.DataType);
        Assert.Equal("=HYPERLINK(\"http://x\")", summary.GetString());
        Assert.Equal("٢١٥ منظمة", workbook.Worksheet("Summary").Cell(1, 2).GetString());
    }

    [Fact]
    public async Task Names_in_any_script_numbers_dates_and_flags_keep_their_types()
    {
        using var workbook = new XLWorkbook(await WriteAsync());
        var sheet = workbook.Worksheet("Participants");

        Assert.Equal("محمد بن عبد الله", sheet.Cell(8, 1).GetString());
        Assert.Equal("王小明", sheet.Cell(19, 1).GetString());
        Assert.Equal("Ольга Петрова", sheet.Cell(10, 1).GetString());

        var row = 1002;
        var index = row - 2;
        Assert.Equal(XLDataType.Number, sheet.Cell(row, 2).DataType);
        Assert.Equal(index + 1, sheet.Cell(row, 2).GetValue<int>());
        Assert.Equal(XLDataType.DateTime, sheet.Cell(row, 3).DataType);
        Assert.Equal(FirstMeeting.AddMinutes(index), sheet.Cell(row, 3).GetDateTime());
        Assert.Equal(XLDataType.Boolean, sheet.Cell(row, 4).DataType);
        Assert.Equal(index % 2 == 0, sheet.Cell(row, 4).GetBoolean());
        Assert.Equal(12.5 * index, sheet.Cell(row, 5).GetDouble());
        Assert.True(sheet.Cell(3 * 10 + 2, 5).IsEmpty());

        Assert.Equal(ParticipantRows + 1, sheet.LastRowUsed().RowNumber());
        Assert.Equal(XLDataType.Text, sheet.Cell(1, 1).DataType);
        Assert.Equal("Checked in", sheet.Cell(1, 3).GetString());
        Assert.True(sheet.Cell(1, 3).Style.Font.Bold);
    }

    [Fact]
    public async Task A_day_is_a_date_and_a_duration_keeps_counting_hours_past_a_day()
    {
        using var workbook = new XLWorkbook(await WriteAsync());
        var meetings = workbook.Worksheet("المشاركون");

        Assert.Equal(new DateTime(2026, 3, 9), meetings.Cell(2, 3).GetDateTime());
        Assert.Equal(14, meetings.Cell(2, 3).Style.NumberFormat.NumberFormatId);
        Assert.Equal("[h]:mm:ss", meetings.Cell(2, 4).Style.NumberFormat.Format);
        var days = meetings.Cell(2, 4).DataType == XLDataType.DateTime ? meetings.Cell(2, 4).GetDateTime().ToOADate() : meetings.Cell(2, 4).GetDouble();
        Assert.Equal(90061, Math.Round(days * 86400));
    }

    [Fact]
    public async Task Characters_xml_cannot_carry_are_dropped_not_thrown()
    {
        using var workbook = new XLWorkbook(await WriteAsync());

        Assert.Equal("BadName", workbook.Worksheet("Participants").Cell(9, 1).GetString());
    }

    [Fact]
    public async Task Header_is_frozen_filtered_and_columns_have_their_widths()
    {
        using var workbook = new XLWorkbook(await WriteAsync());
        var sheet = workbook.Worksheet("Participants");

        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal(0, sheet.SheetView.SplitColumn);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal($"A1:E{ParticipantRows + 1}", sheet.AutoFilter.Range.RangeAddress.ToString());
        for (var i = 0; i < ParticipantColumns.Length; i++)
        {
            Assert.Equal(ParticipantColumns[i].Width, sheet.Column(i + 1).Width, 3);
        }

        var meetings = workbook.Worksheet("المشاركون");
        Assert.Equal(1, meetings.SheetView.SplitRow);
        Assert.Equal("A1:D3", meetings.AutoFilter.Range.RangeAddress.ToString());
    }

    [Fact]
    public async Task The_whole_workbook_passes_the_open_xml_schema_validation()
    {
        using var document = SpreadsheetDocument.Open(await WriteAsync(), false);

        var errors = new OpenXmlValidator()
            .Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();

        Assert.Empty(errors);
        Assert.Equal(3, document.WorkbookPart!.WorksheetParts.Count());
    }

    [Fact]
    public async Task A_duplicate_sheet_name_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => StreamedWorkbook.WriteAsync(
            new MemoryStream(),
            workbook => workbook.AddWorksheet("Participants"),
            [new StreamedSheet("participants", ParticipantColumns, Participants())],
            CancellationToken.None));
    }

    [Fact]
    public async Task LibreOffice_reads_the_same_cells_when_installed()
    {
        // Sheet 2 (Participants) is exported.
        var records = await LibreOfficeCsv.ConvertAsync(await WriteAsync(), 2, output);
        if (records is null)
        {
            return;
        }

        Assert.Equal(ParticipantRows + 1, records.Count);
        Assert.Equal(["Name", "Number", "Checked in"], records[0].Take(3));
        Assert.Equal(["=SUM(A1)", "1"], records[1].Take(2));
        Assert.Equal(["محمد بن عبد الله", "7"], records[7].Take(2));
        Assert.Equal(["BadName", "8"], records[8].Take(2));
        Assert.Equal(["王小明", "18"], records[18].Take(2));
    }
}
