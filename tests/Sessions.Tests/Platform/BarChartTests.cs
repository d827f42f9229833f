using Sessions.Web.Infrastructure.Charts;

namespace Sessions.Tests.Platform;

/// <summary>The bars' lengths are shares of the longest bar, stacked or side by side.</summary>
public sealed class BarChartTests
{
    [Fact]
    public void Stacked_segments_follow_each_other_and_the_longest_row_fills_the_width()
    {
        var chart = new BarChart("Registrations", ["Approved", "Submitted"], [new("Members", [30, 10]), new("Observers", [5, 15])], Stacked: true);

        Assert.Equal(40, chart.Scale);
        Assert.Equal(
            [new BarChart.Segment(0, "0", "0", "75", "12"), new BarChart.Segment(1, "75", "0", "25", "12")],
            chart.SegmentsOf(chart.Rows[0]));
        Assert.Equal(
            [new BarChart.Segment(0, "0", "0", "12.5", "12"), new BarChart.Segment(1, "12.5", "0", "37.5", "12")],
            chart.SegmentsOf(chart.Rows[1]));
        Assert.True(chart.ShowsTotal);
    }

    [Fact]
    public void Side_by_side_series_share_the_row_height_and_zero_draws_nothing()
    {
        var chart = new BarChart("Statements", ["Oral", "Written"], [new("NGOs", [8, 0]), new("IGOs", [2, 4])]);

        Assert.Equal(8, chart.Scale);
        Assert.Equal([new BarChart.Segment(0, "0", "0", "100", "6")], chart.SegmentsOf(chart.Rows[0]));
        Assert.Equal(
            [new BarChart.Segment(0, "0", "0", "25", "6"), new BarChart.Segment(1, "0", "6", "50", "6")],
            chart.SegmentsOf(chart.Rows[1]));
        Assert.False(chart.ShowsTotal);
    }

    [Fact]
    public void An_empty_chart_has_a_scale_of_one()
    {
        Assert.Equal(1, new BarChart("Nothing yet", ["Present"], []).Scale);
    }
}
