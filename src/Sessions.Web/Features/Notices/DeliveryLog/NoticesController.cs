using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Notices.DeliveryLog;

[Authorize(Policy = Policies.Secretariat)]
[Route("notices")]
public sealed class NoticesController(DeliveryLog.Handler deliveryLog, ResendNotice.Handler resend, IStringLocalizer<Text> t) : Controller
{
    public const string MessageKey = "NoticesMessage";

    [HttpGet("")]
    public async Task<IActionResult> DeliveryLog([FromQuery] DeliveryLog.Query query, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // An unknown status or a page that is not a number: show the whole log rather than an error.
            query = new DeliveryLog.Query();
        }

        return View(await deliveryLog.HandleAsync(query, cancellationToken));
    }

    [HttpPost("{id:long}/resend")]
    public async Task<IActionResult> Resend(long id, string? returnUrl, CancellationToken cancellationToken)
    {
        TempData[MessageKey] = await resend.HandleAsync(id, cancellationToken)
            ? t["The notice will be sent again in a moment."].Value
            : t["Only a notice that failed can be sent again."].Value;
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/notices", StringComparison.Ordinal) ? returnUrl : "/notices");
    }
}
