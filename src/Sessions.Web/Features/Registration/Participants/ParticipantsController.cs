using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Registration.Participants;

/// <summary>
/// The public list of participants of a session (anyone may read it, without signing in) and the secretariat's
/// printable list of everyone approved.
/// </summary>
[Route("sessions")]
public sealed class ParticipantsController : Controller
{
    [AllowAnonymous]
    [HttpGet("{id:int}/participants")]
    public async Task<IActionResult> List(int id, [FromQuery] int page, [FromServices] ListOfParticipants.Handler handler) =>
        await handler.HandleAsync(id, page, Cultures.Current) is { } model ? View(model) : NotFound();

    [Authorize(Policy = Policies.Secretariat)]
    [HttpGet("manage/{id:int}/participants/print")]
    public async Task<IActionResult> Print(int id, [FromServices] ListOfParticipants.Handler handler) =>
        await handler.PrintAsync(id, Cultures.Current) is { } model ? View(nameof(List), model) : NotFound();

    [Authorize(Policy = Policies.Secretariat)]
    [HttpGet("manage/{id:int}/participants/print/page.css")]
    public async Task<IActionResult> PrintedPageMargins(int id, [FromServices] PrintedPageMargins.Handler handler) =>
        await handler.HandleAsync(id) is { } css ? Content(css, "text/css; charset=utf-8") : NotFound();
}
