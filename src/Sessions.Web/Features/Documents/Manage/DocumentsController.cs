using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Sessions.Core.Documents;
using Sessions.Core.Files;
using Sessions.Web.Infrastructure.Files;
using Sessions.Web.Infrastructure.Forms;
using Sessions.Web.Infrastructure.Localisation;
using Sessions.Web.Infrastructure.Security;

namespace Sessions.Web.Features.Documents.Manage;

/// <summary>The secretariat's documents of one session: the list with its language matrix, each document's page, its files.</summary>
[Authorize(Policy = Policies.Secretariat)]
[Route("sessions/manage/{sessionId:int}/documents")]
public sealed class ManageDocumentsController(IStringLocalizer<Text> t, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int sessionId, DocumentKind? kind, string? missing, bool drafts, [FromServices] ListDocuments.Handler handler, int page = 1) =>
        await handler.HandleAsync(sessionId, new ListDocuments.Filter(kind, missing, drafts, page), HttpContext.RequestAborted) is { } model ? View(model) : NotFound();

    [HttpGet("new")]
    public async Task<IActionResult> Create(int sessionId, [FromServices] SaveDocument.Handler handler) =>
        await handler.NewAsync(sessionId, HttpContext.RequestAborted) is { } command ? View("Document", command) : NotFound();

    [HttpPost("new")]
    public async Task<IActionResult> Create(int sessionId, SaveDocument.Command command, [FromServices] SaveDocument.Handler handler)
    {
        command.SessionId = sessionId;
        command.DocumentId = 0;
        int? id = null;
        switch (await this.RunFormCommandAsync(async () => (id = await handler.CreateAsync(command, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted)) is not null))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["The document was created. Upload its language versions below."].Value;
                return Redirect($"/sessions/manage/{sessionId}/documents/{id}");
            case FormOutcome.NotFound:
                return NotFound();
        }

        return await handler.FillAsync(command, HttpContext.RequestAborted) ? View("Document", command) : NotFound();
    }

    [HttpGet("{documentId:int}")]
    public async Task<IActionResult> Edit(int sessionId, int documentId, string? upload, [FromServices] SaveDocument.Handler handler)
    {
        if (upload == "too-large")
        {
            ModelState.AddModelError(UploadDocumentFiles.Field, t["The files are larger than {0} MB together. Upload fewer at once.", UploadDocumentFiles.MaxRequestBytes / (1024 * 1024)]);
        }

        return await handler.LoadAsync(sessionId, documentId, HttpContext.RequestAborted) is { } command ? View("Document", command) : NotFound();
    }

    [HttpPost("{documentId:int}")]
    public async Task<IActionResult> Edit(int sessionId, int documentId, SaveDocument.Command command, [FromServices] SaveDocument.Handler handler)
    {
        command.SessionId = sessionId;
        command.DocumentId = documentId;
        switch (await this.RunFormCommandAsync(() => handler.UpdateAsync(command, HttpContext.RequestAborted)))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["Saved."].Value;
                return Redirect($"/sessions/manage/{sessionId}/documents/{documentId}");
            case FormOutcome.NotFound:
                return NotFound();
            case FormOutcome.ChangedMeanwhile:
                return await handler.LoadAsync(sessionId, documentId, HttpContext.RequestAborted) is { } current ? this.ShowCurrentVersion("Document", current) : NotFound();
        }

        return await handler.FillAsync(command, HttpContext.RequestAborted) ? View("Document", command) : NotFound();
    }

    [HttpPost("{documentId:int}/files")]
    [RequestSizeLimit(UploadDocumentFiles.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadDocumentFiles.MaxRequestBytes)]
    [RefuseOversizedUpload(UploadDocumentFiles.MaxRequestBytes, "/sessions/manage/{sessionId}/documents/{documentId}?upload=too-large")]
    public async Task<IActionResult> Upload(int sessionId, int documentId, UploadDocumentFiles.Command command, [FromServices] UploadDocumentFiles.Handler upload, [FromServices] SaveDocument.Handler handler)
    {
        command.Files = Request.Form.Files.GetFiles(UploadDocumentFiles.Field);
        UploadDocumentFiles.Uploaded? uploaded = null;
        switch (await this.RunFormCommandAsync(async () => (uploaded = await upload.HandleAsync(sessionId, documentId, command, User.FindFirstValue(ClaimTypes.NameIdentifier), HttpContext.RequestAborted)) is not null, UploadDocumentFiles.Field, requireBinding: false))
        {
            case FormOutcome.Done:
                TempData["Success"] = t["Uploaded: {0}.", string.Join(", ", uploaded!.Languages.Select(Cultures.Endonym))].Value;
                return Redirect($"/sessions/manage/{sessionId}/documents/{documentId}#files");
            case FormOutcome.NotFound:
                return NotFound();
        }

        return await handler.LoadAsync(sessionId, documentId, HttpContext.RequestAborted) is { } current ? View("Document", current) : NotFound();
    }

    [HttpGet("{documentId:int}/files/{fileId:int}")]
    public async Task<IActionResult> Download(int sessionId, int documentId, int fileId, [FromServices] DownloadDocumentFile.Handler handler, [FromServices] IFileStore store)
    {
        if (await handler.HandleAsync(sessionId, documentId, fileId, HttpContext.RequestAborted) is not { } download)
        {
            return NotFound();
        }

        return this.Serve(store, download.File, download.FileName, download: true);
    }

    [HttpPost("{documentId:int}/delete")]
    public async Task<IActionResult> Delete(int sessionId, int documentId, Guid version, [FromServices] DeleteDocument.Handler handler)
    {
        if (!this.IsConfirmed())
        {
            return await this.AskToConfirmAsync(handler.ConfirmationAsync(sessionId, documentId, HttpContext.RequestAborted));
        }

        var found = true;
        try
        {
            if (await this.RefusalOfAsync(async () => found = await handler.HandleAsync(sessionId, documentId, version, HttpContext.RequestAborted)) is { } problem)
            {
                TempData["Problem"] = problem;
                return Redirect($"/sessions/manage/{sessionId}/documents/{documentId}");
            }
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            TempData["Problem"] = this.ChangedMeanwhile();
            return Redirect($"/sessions/manage/{sessionId}/documents/{documentId}");
        }

        if (!found)
        {
            return NotFound();
        }

        TempData["Success"] = t["The document was deleted."].Value;
        return Redirect($"/sessions/manage/{sessionId}/documents");
    }
}
