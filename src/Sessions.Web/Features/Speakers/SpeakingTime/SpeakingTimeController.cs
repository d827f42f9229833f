using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Speakers.SpeakingTime;

/// <summary>The secretariat's speaking-time statistics of a session, on the page and as a workbook.</summary>
[Authorize(Policy = Policies.Secretariat)]
[Route("sessions/manage/{sessionId:int}")]
public sealed class SpeakingTimeController : Controller
{
    [HttpGet("speaking-time")]
    public async Task<IActionResult> Index(int sessionId, int? agendaItemId, [FromServices] SpeakingTimeReport.Handler handler, CancellationToken cancellationToken)
    {
        var model = await handler.HandleAsync(sessionId, agendaItemId, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("speaking-time.xlsx")]
    public async Task<IActionResult> Export(int sessionId, int? agendaItemId, [FromServices] ExportSpeakingTime.Handler handler, CancellationToken cancellationToken)
    {
        var workbook = await handler.HandleAsync(sessionId, agendaItemId, cancellationToken);
        return workbook is null ? NotFound() : File(workbook.Content, ExportSpeakingTime.ContentType, workbook.FileName);
    }
}
