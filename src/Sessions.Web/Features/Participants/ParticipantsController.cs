using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Participants;

/// <summary>The public list of participants of a session: anyone may read it, without signing in.</summary>
[AllowAnonymous]
[Route("sessions/{id:int}/participants")]
public sealed class ParticipantsController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> List(int id, [FromQuery] int page, [FromServices] ListOfParticipants.Handler handler) =>
        await handler.HandleAsync(id, page, Cultures.Current) is { } model ? View(model) : NotFound();
}
