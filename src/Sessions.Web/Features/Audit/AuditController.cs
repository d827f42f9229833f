using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Audit;

[Route("audit")]
[Authorize(Policy = Policies.Secretariat)]
public sealed class AuditController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(
        string? entityType,
        string? user,
        DateOnly? from,
        DateOnly? to,
        string? entityId,
        [FromServices] AuditLog.Handler log,
        int page = 1) =>
        View(await log.HandleAsync(new AuditLog.Query(entityType, user, from, to, entityId, page)));
}
