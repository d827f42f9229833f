using ClosedXML.Excel;
using Sessions.Core.Common;
using Sessions.Core.Files;
using Sessions.Core.Organisations;

namespace Sessions.Web.Features.Organisations;

/// <summary>Reads and writes the organisations workbook (.xlsx) with the import's columns.</summary>
public static class OrganisationSpreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The import reads no cell beyond this column (CV)...</summary>
    public const int MaxColumns = 100;

    /// <summary>...nor beyond this row: twice the rows an import takes, room enough for blank rows between them.</summary>
    public const int MaxRowNumber = 2 * OrganisationImport.MaxRows;

    /// <summary>An import file is at most 5 MB; a workbook of 20,000 rows unpacks to far less than this.</summary>
    public const long MaxUnpackedBytes = 50L * 1024 * 1024;

    private const string NotAWorkbook = "The file could not be read as an Excel workbook (.xlsx). Save it again from Excel and retry.";

    private static readonly string[] _workbookContentTypes =
    [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.ms-excel.template.macroEnabled.main+xml",
    ];

    /// <summary>
    /// The first worksheet's rows as text, row 1 first; blank rows are kept so row numbers match the sheet. The package
    /// passes <see cref="OfficePackage.Check"/> before ClosedXML loads it, and only the used range is read, up to
    /// <see cref="MaxRowNumber"/> and <see cref="MaxColumns"/>: a sheet with values beyond them is refused.
    /// </summary>
    public static List<string[]> Read(Stream stream)
    {
        if (!OfficePackage.Declares(OfficePackage.Check(stream, NotAWorkbook, MaxUnpackedBytes), _workbookContentTypes))
        {
            throw new DomainException(NotAWorkbook);
        }

        stream.Position = 0;
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(stream);
        }
        catch (Exception e) when (e is not DomainException)
        {
            // OutOfMemoryException included: the checked package should never cause one, but no upload may end the process.
            throw new DomainException(NotAWorkbook);
        }

        using (workbook)
        {
            try
            {
                return ReadFirstSheet(workbook);
            }
            catch (Exception e) when (e is not DomainException)
            {
                throw new DomainException(NotAWorkbook);
            }
        }
    }

    private static List<string[]> ReadFirstSheet(XLWorkbook workbook)
    {
        var sheet = workbook.Worksheets.FirstOrDefault();
        var used = sheet?.RangeUsed();
        if (sheet is null || used is null)
        {
            return [];
        }

        var lastRow = used.LastRow().RowNumber();
        var lastColumn = used.LastColumn().ColumnNumber();
        if (lastRow > MaxRowNumber || lastColumn > MaxColumns)
        {
            throw new DomainException(
                "The sheet has values up to cell {0}. An import reads at most {1} rows and {2} columns: delete what lies beyond, or split the file, and retry.",
                used.LastCell().Address.ToStringRelative(), MaxRowNumber, MaxColumns);
        }

        // Only the cells that hold something are visited (asking for any other cell would create it); a blank row stays empty.
        var records = new string[]?[lastRow];
        foreach (var cell in used.CellsUsed())
        {
            var record = records[cell.Address.RowNumber - 1] ??= Enumerable.Repeat("", lastColumn).ToArray();
            record[cell.Address.ColumnNumber - 1] = cell.GetString();
        }

        return records.Select(record => record ?? []).ToList();
    }

    /// <summary>A workbook with a bold, frozen header row, an auto-filter and fixed column widths.</summary>
    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        for (var c = 0; c < header.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
        }

        var r = 1;
        foreach (var row in rows)
        {
            r++;
            for (var c = 0; c < row.Count; c++)
            {
                if (!string.IsNullOrEmpty(row[c]))
                {
                    var cell = sheet.Cell(r, c + 1);
                    // Text stays text: an acronym such as "1234" or a name that looks like a date is not converted.
                    cell.DataType = XLDataType.Text;
                    cell.SetValue(row[c]);
                }
            }
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, r, header.Count).SetAutoFilter();
        // Widths are set by hand: AdjustToContents needs GDI+, which Linux servers lack.
        for (var c = 0; c < header.Count; c++)
        {
            sheet.Column(c + 1).Width = c < widths.Count ? widths[c] : 20;
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
