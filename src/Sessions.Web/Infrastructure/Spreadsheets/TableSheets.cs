using ClosedXML.Excel;

namespace Sessions.Web.Infrastructure.Spreadsheets;

/// <summary>
/// A ClosedXML sheet holding one table, as every export makes it: a name Excel accepts, a bold wrapped header row with
/// widths set by hand (AdjustToContents needs GDI+, which Linux servers lack), then filters on the rows and the header
/// frozen.
/// </summary>
public static class TableSheets
{
    private static readonly char[] ForbiddenInNames = ['[', ']', ':', '*', '?', '/', '\\'];

    /// <summary>A sheet name Excel accepts whatever the translation: 31 characters at most, none of []:*?/\, no quote at either end.</summary>
    public static string Name(string name)
    {
        var clean = string.Concat(name.Where(c => !ForbiddenInNames.Contains(c))).Trim('\'');
        return clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>A new sheet with the header in <paramref name="headerRow"/>.</summary>
    public static IXLWorksheet Add(XLWorkbook workbook, string name, IReadOnlyList<StreamedColumn> columns, bool rightToLeft, int headerRow = 1)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(columns);
        var sheet = workbook.AddWorksheet(Name(name));
        sheet.RightToLeft = rightToLeft;
        for (var c = 0; c < columns.Count; c++)
        {
            SpreadsheetText.Safe(sheet.Cell(headerRow, c + 1), columns[c].Header);
            sheet.Column(c + 1).Width = columns[c].Width;
        }

        sheet.Row(headerRow).Style.Font.Bold = true;
        sheet.Row(headerRow).Style.Alignment.WrapText = true;
        return sheet;
    }

    /// <summary>Filters on the header and rows down to <paramref name="lastRow"/>, the rows above and the header frozen.</summary>
    public static void Finish(IXLWorksheet sheet, int headerRow, int lastRow, int columns)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        sheet.Range(headerRow, 1, Math.Max(lastRow, headerRow), columns).SetAutoFilter();
        sheet.SheetView.FreezeRows(headerRow);
    }
}
