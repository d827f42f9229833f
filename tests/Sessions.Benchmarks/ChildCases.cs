using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Sessions.Web.Infrastructure.Spreadsheets;

namespace Sessions.Benchmarks;

/// <summary>
/// Cases measured each in a fresh child process of this program (so that one case's peak memory, VmHWM, never
/// includes another's), and the bare OpenXmlWriter workbook the spreadsheet cases are held against.
/// </summary>
public static class ChildCases
{
    /// <summary>Runs this program once per case as <c>{childCommand} {case} {arguments…}</c>, passing its output on.</summary>
    public static async Task RunAsync(string childCommand, IEnumerable<string> cases, params string[] arguments)
    {
        foreach (var name in cases)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            {
                start.ArgumentList.Add(typeof(ChildCases).Assembly.Location);
            }

            foreach (var argument in new[] { childCommand, name }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            using var child = Process.Start(start)!;
            var result = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            Console.Write(result);
            if (child.ExitCode != 0)
            {
                Console.WriteLine($"{name}: child exited with {child.ExitCode}");
            }
        }
    }

    /// <summary>This process's peak resident memory (VmHWM) in MiB.</summary>
    public static double PeakMebibytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kib = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    /// <summary>
    /// The floor: each sheet's header and rows, cell by cell with OpenXmlWriter into a minimal package (inline strings,
    /// a bold header style and a date style) and nothing else: no widths, no frozen pane, no filter.
    /// </summary>
    public static async Task WriteBareWorkbookAsync(string path, IEnumerable<(string Name, IReadOnlyList<StreamedColumn> Columns, IAsyncEnumerable<IReadOnlyList<object?>> Rows)> sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }, new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true }) { Count = 3 });
        stylesPart.Stylesheet.Save();

        var listed = new Sheets();
        uint sheetId = 1;
        foreach (var (name, columns, rows) in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(part))
            {
                await WriteSheetAsync(writer, columns, rows);
            }

            listed.AppendChild(new Sheet { Name = name, SheetId = sheetId++, Id = workbookPart.GetIdOfPart(part) });
        }

        workbookPart.Workbook = new Workbook(listed);
        workbookPart.Workbook.Save();
    }

    private static async Task WriteSheetAsync(OpenXmlWriter writer, IReadOnlyList<StreamedColumn> columns, IAsyncEnumerable<IReadOnlyList<object?>> rows)
    {
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        var cell = new Cell();
        var inline = new InlineString();
        var text = new DocumentFormat.OpenXml.Spreadsheet.Text();
        var value = new CellValue();
        var row = new Row();
        void Text(string r, string s, string? style)
        {
            var attributes = new List<OpenXmlAttribute> { new("r", "", r), new("t", "", "inlineStr") };
            if (style is not null)
            {
                attributes.Add(new OpenXmlAttribute("s", "", style));
            }

            writer.WriteStartElement(cell, attributes);
            writer.WriteStartElement(inline);
            writer.WriteStartElement(text);
            writer.WriteString(s);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        void Raw(string r, string? type, string? style, string s)
        {
            var attributes = new List<OpenXmlAttribute> { new("r", "", r) };
            if (type is not null)
            {
                attributes.Add(new OpenXmlAttribute("t", "", type));
            }

            if (style is not null)
            {
                attributes.Add(new OpenXmlAttribute("s", "", style));
            }

            writer.WriteStartElement(cell, attributes);
            writer.WriteStartElement(value);
            writer.WriteString(s);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var letters = Enumerable.Range(1, columns.Count).Select(StreamedWorkbook.ColumnLetters).ToArray();
        writer.WriteStartElement(row, [new OpenXmlAttribute("r", "", "1")]);
        for (var c = 0; c < columns.Count; c++)
        {
            Text(letters[c] + "1", columns[c].Header, "1");
        }

        writer.WriteEndElement();
        var number = 1;
        await foreach (var values in rows)
        {
            number++;
            var rowNumber = number.ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement(row, [new OpenXmlAttribute("r", "", rowNumber)]);
            for (var c = 0; c < Math.Min(values.Count, columns.Count); c++)
            {
                var r = letters[c] + rowNumber;
                switch (values[c])
                {
                    case null:
                        break;
                    case string s:
                        Text(r, s, null);
                        break;
                    case DateTime date:
                        Raw(r, null, "2", date.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                        break;
                    case DateOnly day:
                        Raw(r, null, "2", day.ToDateTime(TimeOnly.MinValue).ToOADate().ToString("R", CultureInfo.InvariantCulture));
                        break;
                    case TimeSpan duration:
                        Raw(r, null, null, (duration.TotalSeconds / 86400d).ToString("R", CultureInfo.InvariantCulture));
                        break;
                    case bool flag:
                        Raw(r, "b", null, flag ? "1" : "0");
                        break;
                    case IFormattable n:
                        Raw(r, null, null, n.ToString(null, CultureInfo.InvariantCulture));
                        break;
                }
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
