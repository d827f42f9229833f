using ClosedXML.Excel;

namespace Sessions.Web.Infrastructure.Spreadsheets;

public static class SpreadsheetText
{
    /// <summary>
    /// Sets the cell to the text as text: ClosedXML would otherwise turn "=..." into a formula and "123" into a number.
    /// Characters XML 1.0 cannot carry are dropped.
    /// </summary>
    public static IXLCell Safe(IXLCell cell, string? text)
    {
        cell.SetValue(XmlText.Clean(text ?? string.Empty));
        cell.DataType = XLDataType.Text;
        return cell;
    }
}
