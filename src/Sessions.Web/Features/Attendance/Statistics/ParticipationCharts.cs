using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Charts;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Attendance.Statistics;

/// <summary>The page's charts, drawn by the shared bar chart from the same figures as the tables.</summary>
public static class ParticipationCharts
{
    public static BarChart OrganisationsByCategory(CountParticipation.Figures figures, IStringLocalizer t) =>
        new(
            t["Organisations by category"],
            [t["Organisations attending"], t["Organisations that made statements"]],
            figures.Categories.Select(c => new BarChart.Row(t.For(c.Category), [c.OrganisationsAttending, c.OrganisationsWithStatements])).ToList());

    public static BarChart StatementsByCategory(CountParticipation.Figures figures, IStringLocalizer t) =>
        new(
            t["Statements by category"],
            [t["Oral statements made"], t["Written statements"]],
            figures.Categories.Select(c => new BarChart.Row(t.For(c.Category), [c.OralStatements, c.WrittenStatements])).ToList(),
            Stacked: true);

    public static BarChart PerSession(CountParticipation.Figures figures, IStringLocalizer t) =>
        new(
            t["Participation per session"],
            [t["Organisations attending"], t["Organisations that made statements"]],
            figures.Sessions.Select(s => new BarChart.Row(s.Symbol, [s.OrganisationsAttending, s.OrganisationsWithStatements])).ToList());
}
