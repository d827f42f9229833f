using ClosedXML.Excel;
using Sessions.Core.Common;
using Sessions.Core.Organisations;

namespace Sessions.Web.Features.Organisations;

/// <summary>Reads and writes the organisations workbook (.xlsx) with the import's columns.</summary>
public static class OrganisationSpreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The first worksheet's rows as text, row 1 first; blank rows are kept so row numbers match the sheet.</summary>
    public static List<string[]> Read(Stream stream)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DomainException("The file could not be read as an Excel workbook (.xlsx). Save it again from Excel and retry.");
        }

        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault();
            var used = sheet?.RangeUsed();
            if (sheet is null || used is null)
            {
                return [];
            }

            var lastRow = used.LastRow().RowNumber();
            var lastColumn = used.LastColumn().ColumnNumber();
            var records = new List<string[]>();
            var filled = 0;
            for (var r = 1; r <= lastRow && filled <= OrganisationImport.MaxRows + 1; r++)
            {
                var row = sheet.Row(r);
                var cells = new string[lastColumn];
                for (var c = 1; c <= lastColumn; c++)
                {
                    cells[c - 1] = row.Cell(c).GetString();
                }

                if (cells.Any(c => c.Length > 0))
                {
                    filled++;
                }

                records.Add(cells);
            }

            return records;
        }
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
