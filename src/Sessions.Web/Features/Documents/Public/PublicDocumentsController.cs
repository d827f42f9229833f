using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Sessions.Core.Common;
using Sessions.Core.Files;
using Sessions.Web.Infrastructure.Files;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Documents.Public;

/// <summary>
/// The public documents portal of a session, no sign-in: the list, each document's page and the downloads of its
/// language versions. Only published sessions and distributed documents: anything else is a 404.
/// </summary>
[AllowAnonymous]
public sealed class PublicDocumentsController : Controller
{
    [HttpGet("sessions/{sessionId:int}/documents")]
    public async Task<IActionResult> List(
        int sessionId,
        [FromQuery] string? kind,
        [FromQuery] string? language,
        [FromQuery] string? q,
        [FromQuery] int? item,
        [FromServices] ListPublicDocuments.Handler handler)
    {
        var filter = new ListPublicDocuments.Filter(
            string.IsNullOrWhiteSpace(kind) ? null : kind.Trim(),
            Languages.IsSupported(language) ? language : null,
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            item);
        return await handler.HandleAsync(sessionId, filter, Cultures.Current) is { } model ? View(model) : NotFound();
    }

    [HttpGet("sessions/{sessionId:int}/documents/{documentId:int}")]
    public async Task<IActionResult> Document(int sessionId, int documentId, [FromServices] ShowPublicDocument.Handler handler) =>
        await handler.HandleAsync(sessionId, documentId) is { } model ? View(model) : NotFound();

    [HttpGet("sessions/{sessionId:int}/documents/{documentId:int}/{language:length(2)}")]
    public Task<IActionResult> Download(int sessionId, int documentId, string language, [FromServices] DownloadPublicDocument.Handler handler, [FromServices] IFileStore store) =>
        ServeAsync(handler.HandleAsync(sessionId, documentId, language, null), store);

    [HttpGet("sessions/{sessionId:int}/documents/{documentId:int}/{language:length(2)}/{revision:int}")]
    public Task<IActionResult> DownloadRevision(int sessionId, int documentId, string language, int revision, [FromServices] DownloadPublicDocument.Handler handler, [FromServices] IFileStore store) =>
        ServeAsync(handler.HandleAsync(sessionId, documentId, language, revision), store);

    private async Task<IActionResult> ServeAsync(Task<DownloadPublicDocument.Download?> finding, IFileStore store)
    {
        if (await finding is not { } download)
        {
            return NotFound();
        }

        return this.Serve(store, download.File, download.FileName, download: true);
    }
}
