using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Attendance.Statistics;

[Route("statistics")]
[Authorize(Policy = Policies.Secretariat)]
public sealed class ParticipationStatisticsController(IStringLocalizer<Text> t) : Controller
{
    [HttpGet("participation")]
    public async Task<IActionResult> Index([FromQuery] CountParticipation.Query query, [FromServices] CountParticipation.Handler count, CancellationToken ct) =>
        View("Index", await CountAsync(query, count, ct));

    [HttpGet("participation.xlsx")]
    public async Task<IActionResult> Export(
        [FromQuery] CountParticipation.Query query,
        [FromServices] CountParticipation.Handler count,
        [FromServices] ExportParticipationStatistics.Handler export,
        CancellationToken ct)
    {
        var model = await CountAsync(query, count, ct);
        if (model.Figures is not { } figures)
        {
            return View("Index", model);
        }

        var prefix = model.Bodies.First(b => b.Id == figures.BodyId).SymbolPrefix;
        return File(export.Write(figures), ExportParticipationStatistics.ContentType, ExportParticipationStatistics.FileName(prefix, figures));
    }

    private async Task<CountParticipation.Model> CountAsync(CountParticipation.Query query, CountParticipation.Handler count, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await count.FormAsync(query, ct);
        }

        var model = await count.HandleAsync(query, Cultures.Current, ct);
        foreach (var problem in model.Problems)
        {
            ModelState.AddModelError(problem.Field, t[problem.Message]);
        }

        return model;
    }
}
