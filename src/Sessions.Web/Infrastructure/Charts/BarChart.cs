using System.Globalization;

namespace Sessions.Web.Infrastructure.Charts;

/// <summary>
/// A horizontal bar chart drawn on the server (the partial _BarChart): one row per label, one value per series,
/// the series stacked in one bar or side by side. Every string is already localised by the caller.
/// </summary>
public sealed record BarChart(string Title, IReadOnlyList<string> Series, IReadOnlyList<BarChart.Row> Rows, bool Stacked = false)
{
    /// <summary>The width of a bar's drawing in user units: lengths are percentages of the longest bar.</summary>
    public const double Width = 100;

    public const double Height = 12;

    public sealed record Row(string Label, IReadOnlyList<int> Values)
    {
        public int Total => Values.Sum();
    }

    /// <summary>One rectangle of a row's drawing, its series' index giving its colour.</summary>
    public sealed record Segment(int Series, string X, string Y, string SegmentWidth, string SegmentHeight);

    /// <summary>The longest bar: the sum of a row when stacked, its largest value otherwise; at least 1.</summary>
    public int Scale => Math.Max(1, Rows.Count == 0 ? 0 : Rows.Max(r => Stacked ? r.Total : r.Values.DefaultIfEmpty(0).Max()));

    public bool ShowsTotal => Stacked && Series.Count > 1;

    public IEnumerable<Segment> SegmentsOf(Row row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var scale = Scale;
        var x = 0d;
        var height = Stacked ? Height : Height / Math.Max(1, row.Values.Count);
        for (var s = 0; s < row.Values.Count; s++)
        {
            var length = Math.Max(0, row.Values[s]) * Width / scale;
            if (length > 0)
            {
                yield return new Segment(s, Number(Stacked ? x : 0), Number(Stacked ? 0 : s * height), Number(length), Number(height));
            }

            x += length;
        }
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
