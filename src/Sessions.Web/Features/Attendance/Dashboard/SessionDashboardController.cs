using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Attendance.Dashboard;

/// <summary>The secretariat's dashboard of a session: registrations, check-ins, speakers, statements, with charts.</summary>
[Authorize(Policy = Policies.Secretariat)]
[Route("sessions/manage/{sessionId:int}")]
public sealed class SessionDashboardController : Controller
{
    [HttpGet("dashboard")]
    public async Task<IActionResult> Show(int sessionId, [FromServices] ShowDashboard.Handler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(sessionId, cancellationToken) is { } model ? View(model) : NotFound();
}
