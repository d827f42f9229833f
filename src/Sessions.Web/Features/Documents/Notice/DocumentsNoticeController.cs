using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Documents.Notice;

/// <summary>The secretariat sends a session's documents notice of today now, instead of waiting for the hour (its reminders page shows the button).</summary>
[Authorize(Policy = Policies.Secretariat)]
[Route("sessions/manage/{sessionId:int}/reminders/documents-notice")]
public sealed class DocumentsNoticeController(IStringLocalizer<Text> t) : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> SendNow(int sessionId, [FromServices] DocumentsNoticeStatus.Handler status, [FromServices] SendDocumentsAvailableNotice.Handler send, CancellationToken cancellationToken)
    {
        if (!this.IsConfirmed())
        {
            return await this.AskToConfirmAsync(status.ConfirmAsync(sessionId, cancellationToken));
        }

        if (await status.LoadAsync(sessionId, cancellationToken) is null)
        {
            return NotFound();
        }

        var sent = await send.SendAsync(sessionId, cancellationToken);
        TempData["Success"] = sent > 0
            ? t["Documents notice sent. Recipients: {0}", sent.ToString("N0")].Value
            : t["No documents notice was sent: today's has gone already, or nothing new is distributed, or nobody is registered to receive it."].Value;
        return Redirect($"/sessions/manage/{sessionId}/reminders#documents-notice");
    }
}
