using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sessions.Web.Infrastructure;

namespace Sessions.Web.Features.Notices.SentMail;

/// <summary>Mail sent by this instance, open to anyone because it exists only in Development, on a developer's machine.</summary>
[DevelopmentOnly]
[AllowAnonymous]
public sealed class SentMailController : Controller
{
    [HttpGet("/dev/mail")]
    public async Task<IActionResult> Index([FromServices] SentMail.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));
}
