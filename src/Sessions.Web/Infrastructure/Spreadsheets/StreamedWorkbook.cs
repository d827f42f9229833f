using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Sessions.Web.Infrastructure.Spreadsheets;

/// <summary>
/// One workbook whose small, styled sheets come from ClosedXML and whose large sheets are streamed row by row
/// with OpenXmlWriter, so memory does not grow with the number of rows (ClosedXML keeps every cell as an object).
/// Strings are inline strings: never formulas, and no shared string table to hold.
/// </summary>
public static class StreamedWorkbook
{
    // ClosedXML adds this padding to a width on save and takes it off on load; doing the same keeps one width
    // meaning the same in both kinds of sheet.
    private const double ColumnWidthPadding = 0.710625;

    private static readonly char[] ForbiddenInSheetNames = ['[', ']', ':', '*', '?', '/', '\\'];

    public static async Task WriteAsync(
        Stream output,
        Action<XLWorkbook> smallSheets,
        IReadOnlyList<StreamedSheet> largeSheets,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(smallSheets);
        ArgumentNullException.ThrowIfNull(largeSheets);

        var styledPath = Path.Combine(Path.GetTempPath(), "sessions-workbook-" + Guid.NewGuid().ToString("N") + ".xlsx");
        var finalPath = styledPath + ".final";
        try
        {
            using (var workbook = new XLWorkbook())
            {
                smallSheets(workbook);
                if (workbook.Worksheets.Count == 0)
                {
                    throw new InvalidOperationException("A streamed workbook needs at least one small sheet made with ClosedXML.");
                }

                CheckNames(workbook.Worksheets.Select(w => w.Name).ToList(), largeSheets);
                workbook.SaveAs(styledPath);
            }

            // First pass: register the large sheets (workbook, relationships, content types, styles) with empty parts.
            var entries = new Dictionary<string, StreamedSheet>(StringComparer.Ordinal);
            Styles styles;
            using (var document = SpreadsheetDocument.Open(styledPath, true))
            {
                var workbookPart = document.WorkbookPart!;
                styles = AddStyles(workbookPart);
                var sheets = workbookPart.Workbook.Sheets!;
                var nextId = sheets.Elements<Sheet>().Select(s => s.SheetId?.Value ?? 0).DefaultIfEmpty(0u).Max() + 1;
                foreach (var sheet in largeSheets)
                {
                    var part = workbookPart.AddNewPart<WorksheetPart>();
                    part.Worksheet = new Worksheet(new SheetData());
                    part.Worksheet.Save();
                    entries.Add(part.Uri.OriginalString.TrimStart('/'), sheet);
                    sheets.AppendChild(new Sheet { Name = sheet.Name, SheetId = nextId++, Id = workbookPart.GetIdOfPart(part) });
                }

                workbookPart.Workbook.Save();
            }

            // Second pass: copy the package into a zip written front to back, streaming the large sheets into their
            // entries. System.IO.Packaging would buffer a whole new part in memory; a create-mode zip does not.
            using (var source = ZipFile.OpenRead(styledPath))
            using (var target = ZipFile.Open(finalPath, ZipArchiveMode.Create))
            {
                foreach (var entry in source.Entries)
                {
                    var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                    await using var destination = copy.Open();
                    if (entries.TryGetValue(entry.FullName, out var sheet))
                    {
                        await WriteSheetAsync(destination, sheet, styles, cancellationToken);
                    }
                    else
                    {
                        await using var original = entry.Open();
                        await original.CopyToAsync(destination, cancellationToken);
                    }
                }
            }

            await using var file = new FileStream(finalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await file.CopyToAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(styledPath);
            File.Delete(finalPath);
        }
    }

    private static void CheckNames(List<string> smallNames, IReadOnlyList<StreamedSheet> largeSheets)
    {
        var names = new HashSet<string>(smallNames, StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in largeSheets)
        {
            if (string.IsNullOrWhiteSpace(sheet.Name) || sheet.Name.Length > 31 || sheet.Name.IndexOfAny(ForbiddenInSheetNames) >= 0
                || sheet.Name.StartsWith('\'') || sheet.Name.EndsWith('\''))
            {
                throw new ArgumentException($"'{sheet.Name}' is not a valid sheet name.", nameof(largeSheets));
            }

            if (!names.Add(sheet.Name))
            {
                throw new ArgumentException($"The workbook already has a sheet named '{sheet.Name}'.", nameof(largeSheets));
            }

            if (sheet.Columns.Count == 0)
            {
                throw new ArgumentException($"The sheet '{sheet.Name}' has no columns.", nameof(largeSheets));
            }
        }
    }

    private sealed record Styles(uint Header, uint Date, uint Day, uint Duration);

    private static Styles AddStyles(WorkbookPart workbookPart)
    {
        var stylesPart = workbookPart.WorkbookStylesPart ?? workbookPart.AddNewPart<WorkbookStylesPart>();
        stylesPart.Stylesheet ??= new Stylesheet();
        var stylesheet = stylesPart.Stylesheet;

        // A stylesheet that ClosedXML wrote always has fonts, fills, borders and cell formats; fill in for any other.
        var fonts = stylesheet.Fonts ??= new Fonts(new Font());
        var fills = stylesheet.Fills ??= new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        var borders = stylesheet.Borders ??= new Borders(new Border());
        var formats = stylesheet.CellFormats ??= new CellFormats(new CellFormat());
        _ = fills;
        _ = borders;

        fonts.AppendChild(new Font(new Bold()));
        var boldFont = (uint)fonts.Elements<Font>().Count() - 1;
        fonts.Count = (uint)fonts.Elements<Font>().Count();

        formats.AppendChild(new CellFormat { FontId = boldFont, FillId = 0, BorderId = 0, NumberFormatId = 0, ApplyFont = true });
        var header = (uint)formats.Elements<CellFormat>().Count() - 1;
        formats.AppendChild(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 22, ApplyNumberFormat = true });
        var date = (uint)formats.Elements<CellFormat>().Count() - 1;
        formats.AppendChild(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 14, ApplyNumberFormat = true });
        var day = (uint)formats.Elements<CellFormat>().Count() - 1;

        // A duration over 24 hours keeps counting hours: a custom format, numbered after any ClosedXML wrote.
        var numberFormats = stylesheet.NumberingFormats ??= new NumberingFormats();
        var durationFormat = Math.Max(163u, numberFormats.Elements<NumberingFormat>().Select(f => f.NumberFormatId?.Value ?? 0).DefaultIfEmpty(0u).Max()) + 1;
        numberFormats.AppendChild(new NumberingFormat { NumberFormatId = durationFormat, FormatCode = "[h]:mm:ss" });
        numberFormats.Count = (uint)numberFormats.Elements<NumberingFormat>().Count();
        formats.AppendChild(new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = durationFormat, ApplyNumberFormat = true });
        var duration = (uint)formats.Elements<CellFormat>().Count() - 1;
        formats.Count = (uint)formats.Elements<CellFormat>().Count();

        stylesheet.Save();
        return new Styles(header, date, day, duration);
    }

    private static async Task WriteSheetAsync(Stream part, StreamedSheet sheet, Styles styles, CancellationToken cancellationToken)
    {
        var columnCount = sheet.Columns.Count;
        var letters = Enumerable.Range(1, columnCount).Select(ColumnLetters).ToArray();
        var lastRow = 1;

        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());

            var view = new SheetView { WorkbookViewId = 0 };
            if (sheet.RightToLeft)
            {
                view.RightToLeft = true;
            }

            view.Append(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
            writer.WriteElement(new SheetViews(view));

            var columns = new Columns();
            for (var i = 0; i < columnCount; i++)
            {
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = sheet.Columns[i].Width + ColumnWidthPadding, CustomWidth = true });
            }

            writer.WriteElement(columns);
            writer.WriteStartElement(new SheetData());

            var cells = new CellWriter(writer, letters, styles);
            cells.StartRow(1);
            for (var i = 0; i < columnCount; i++)
            {
                cells.Text(i, 1, sheet.Columns[i].Header, styles.Header);
            }

            writer.WriteEndElement();

            await foreach (var row in sheet.Rows.WithCancellation(cancellationToken))
            {
                lastRow++;
                cells.StartRow(lastRow);
                var count = Math.Min(row.Count, columnCount);
                for (var i = 0; i < count; i++)
                {
                    cells.Value(i, lastRow, row[i]);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteElement(new AutoFilter { Reference = $"A1:{letters[^1]}{lastRow.ToString(CultureInfo.InvariantCulture)}" });
            writer.WriteEndElement();
        }
    }

    /// <summary>A column's letters from its number: 1 is A, 27 is AA.</summary>
    public static string ColumnLetters(int number)
    {
        var letters = string.Empty;
        while (number > 0)
        {
            var remainder = (number - 1) % 26;
            letters = (char)('A' + remainder) + letters;
            number = (number - 1) / 26;
        }

        return letters;
    }

    /// <summary>Writes cells element by element, reusing the element instances (the writer only reads their names).</summary>
    private sealed class CellWriter(OpenXmlWriter writer, string[] letters, Styles styles)
    {
        private readonly Row _row = new();
        private readonly Cell _cell = new();
        private readonly CellValue _value = new();
        private readonly InlineString _inline = new();
        private readonly Text _text = new();
        private readonly OpenXmlAttribute[] _rowAttributes = [new("r", string.Empty, string.Empty)];
        private readonly OpenXmlAttribute _preserve = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");
        private readonly List<OpenXmlAttribute> _attributes = new(3);
        private string _rowNumber = "1";

        public void StartRow(int number)
        {
            _rowNumber = number.ToString(CultureInfo.InvariantCulture);
            _rowAttributes[0] = new OpenXmlAttribute("r", string.Empty, _rowNumber);
            writer.WriteStartElement(_row, _rowAttributes);
        }

        public void Value(int column, int row, object? value)
        {
            switch (value)
            {
                case null:
                    return;
                case string text:
                    Text(column, row, text, null);
                    return;
                case bool flag:
                    Raw(column, "b", null, flag ? "1" : "0");
                    return;
                case DateTime date:
                    Raw(column, null, styles.Date, date.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                    return;
                case DateTimeOffset offset:
                    Raw(column, null, styles.Date, offset.DateTime.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                    return;
                case DateOnly day:
                    Raw(column, null, styles.Day, day.ToDateTime(TimeOnly.MinValue).ToOADate().ToString("R", CultureInfo.InvariantCulture));
                    return;
                case TimeSpan duration:
                    Raw(column, null, styles.Duration, (duration.TotalSeconds / 86400d).ToString("R", CultureInfo.InvariantCulture));
                    return;
                case int or long or short or byte or sbyte or ushort or uint or ulong or decimal:
                    Raw(column, null, null, Convert.ToString(value, CultureInfo.InvariantCulture)!);
                    return;
                case double number when double.IsFinite(number):
                    Raw(column, null, null, number.ToString("R", CultureInfo.InvariantCulture));
                    return;
                case float number when float.IsFinite(number):
                    Raw(column, null, null, ((double)number).ToString("R", CultureInfo.InvariantCulture));
                    return;
                case IFormattable formattable:
                    Text(column, row, formattable.ToString(null, CultureInfo.InvariantCulture), null);
                    return;
                default:
                    Text(column, row, value.ToString() ?? string.Empty, null);
                    return;
            }
        }

        public void Text(int column, int row, string text, uint? style)
        {
            _attributes.Clear();
            _attributes.Add(new OpenXmlAttribute("r", string.Empty, letters[column] + _rowNumber));
            _attributes.Add(new OpenXmlAttribute("t", string.Empty, "inlineStr"));
            if (style is { } s)
            {
                _attributes.Add(new OpenXmlAttribute("s", string.Empty, s.ToString(CultureInfo.InvariantCulture)));
            }

            writer.WriteStartElement(_cell, _attributes);
            writer.WriteStartElement(_inline);
            var clean = XmlText.Clean(text);
            if (clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1])))
            {
                writer.WriteStartElement(_text, [_preserve]);
            }
            else
            {
                writer.WriteStartElement(_text);
            }

            writer.WriteString(clean);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private void Raw(int column, string? type, uint? style, string value)
        {
            _attributes.Clear();
            _attributes.Add(new OpenXmlAttribute("r", string.Empty, letters[column] + _rowNumber));
            if (type is not null)
            {
                _attributes.Add(new OpenXmlAttribute("t", string.Empty, type));
            }

            if (style is { } s)
            {
                _attributes.Add(new OpenXmlAttribute("s", string.Empty, s.ToString(CultureInfo.InvariantCulture)));
            }

            writer.WriteStartElement(_cell, _attributes);
            writer.WriteStartElement(_value);
            writer.WriteString(value);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }
}
