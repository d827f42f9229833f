using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Statements.Published;

/// <summary>The public face of written statements: a session's issued statements, each issued document, and its download.</summary>
[AllowAnonymous]
public sealed class PublishedStatementsController : Controller
{
    [HttpGet("sessions/{sessionId:int}/statements")]
    public async Task<IActionResult> List(int sessionId, [FromQuery] int? agendaItemId, [FromQuery] int page, [FromServices] ListIssuedStatements.Handler handler) =>
        await handler.HandleAsync(sessionId, agendaItemId, page, Cultures.Current) is { } model ? View(model) : NotFound();

    [HttpGet("statements/issued/{id:int}")]
    public async Task<IActionResult> Document(int id, [FromServices] ShowIssuedStatement.Handler handler) =>
        await handler.HandleAsync(id, Cultures.Current) is { } model ? View(model) : NotFound();

    [HttpGet("statements/issued/{id:int}/download")]
    public async Task<IActionResult> Download(int id, [FromServices] DownloadIssuedStatement.Handler handler)
    {
        if (await handler.HandleAsync(id) is not { } download)
        {
            return NotFound();
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(download.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.XContentTypeOptions = "nosniff";
        return new FileStreamResult(download.Open(), download.ContentType);
    }
}
