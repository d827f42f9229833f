namespace Sessions.Web.Infrastructure.Spreadsheets;

/// <summary>A column of a streamed sheet: its header text and its width in Excel character units.</summary>
public sealed record StreamedColumn(string Header, double Width);

/// <summary>
/// A large sheet written row by row. Each row holds one value per column: string (always text), a number,
/// DateTime (date and time), DateOnly (date), TimeSpan (duration, [h]:mm:ss), bool, or null (empty cell). Other values are written as their invariant text.
/// </summary>
public sealed record StreamedSheet(
    string Name,
    IReadOnlyList<StreamedColumn> Columns,
    IAsyncEnumerable<IReadOnlyList<object?>> Rows,
    bool RightToLeft = false);
