using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sessions.Core.Notices;

namespace Sessions.Web.Features.Sessions.Calendar;

/// <summary>Public calendar feeds: anyone may subscribe to a published session's meetings.</summary>
[AllowAnonymous]
public sealed class CalendarController : Controller
{
    [HttpGet("sessions/{id:int}/calendar.ics")]
    public async Task<IActionResult> Session(int id, [FromServices] SessionCalendarFeed.Handler handler, CancellationToken cancellationToken)
    {
        var feed = await handler.HandleAsync(id, cancellationToken);
        if (feed is null)
        {
            return NotFound();
        }

        var name = new string(feed.Symbol.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' ? ch : '-').ToArray());
        Response.Headers.ContentDisposition = $"inline; filename=\"{name}.ics\"";
        return File(Encoding.UTF8.GetBytes(feed.Calendar), $"{IcsCalendar.ContentType}; charset=utf-8");
    }
}
