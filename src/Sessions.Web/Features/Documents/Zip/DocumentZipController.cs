using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;
using Sessions.Web.Features.Shared;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Web.Features.Documents.Zip;

/// <summary>
/// "Download all documents in my language": the public page of a published session's documents ZIP in one language,
/// the request that prepares it (or joins the run under way), its progress and the file. No sign-in; an unpublished or
/// unknown session, or a run that is not this session's ready ZIP, is 404. The ZIP is always made in the background,
/// even for a small session: one file per state of the documents is then shared by every reader, where a ZIP streamed
/// in each request would cost the server a full read of the files per click.
/// </summary>
[AllowAnonymous]
[Route("sessions/{sessionId:int}/documents/zip")]
public sealed class DocumentZipController(IStringLocalizer<Text> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int sessionId, [FromQuery] string? language, [FromServices] ShowDocumentZip.Handler handler, CancellationToken cancellationToken)
    {
        language = language?.Trim().ToLowerInvariant();
        if (Refused(language) is { } refused)
        {
            return refused;
        }

        var model = await handler.HandleAsync(sessionId, language ?? Cultures.Current, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("")]
    [EnableRateLimiting(DocumentZipSetup.Policy)]
    public async Task<IActionResult> Prepare(int sessionId, [FromQuery] string? language, [FromServices] PrepareDocumentZip.Handler handler, CancellationToken cancellationToken)
    {
        language = language?.Trim().ToLowerInvariant();
        if (Refused(language) is { } refused)
        {
            return refused;
        }

        language ??= Cultures.Current;
        var result = await handler.HandleAsync(sessionId, language, cancellationToken);
        return result.Outcome == PrepareDocumentZip.Outcome.NotFound ? NotFound() : Redirect(ShowDocumentZip.UrlOf(sessionId, language));
    }

    [HttpGet("progress")]
    public async Task<IActionResult> Progress(int sessionId, [FromQuery] string? language, [FromServices] ShowDocumentZip.Handler handler, CancellationToken cancellationToken)
    {
        language = language?.Trim().ToLowerInvariant();
        if (Refused(language) is { } refused)
        {
            return refused;
        }

        if (await handler.ProgressAsync(sessionId, language ?? Cultures.Current, cancellationToken) is not { } progress)
        {
            return NotFound();
        }

        var (state, run) = progress;

        return Json(new
        {
            state = state.ToString(),
            filesDone = run?.FilesDone ?? 0,
            filesExpected = run?.FilesExpected ?? 0,
            finished = state != ShowDocumentZip.State.Preparing,
        });
    }

    [HttpGet("{runId:int}/file")]
    public async Task<IActionResult> Download(int sessionId, int runId, [FromServices] ShowDocumentZip.Handler handler, CancellationToken cancellationToken)
    {
        var download = await handler.DownloadAsync(sessionId, runId, cancellationToken);
        if (download is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(download.Path, "application/zip", download.FileName);
    }

    /// <summary>A language that is not one of the six: 400 with a page that says which are.</summary>
    private ViewResult? Refused(string? language)
    {
        if (language is null || Languages.IsSupported(language))
        {
            return null;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Error", new ErrorViewModel(
            t["Bad request"],
            t["There is no ZIP of documents in that language. Choose one of the six: ar (Arabic), zh (Chinese), en (English), fr (French), ru (Russian) or es (Spanish)."]));
    }
}
