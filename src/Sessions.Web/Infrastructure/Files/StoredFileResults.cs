using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Sessions.Core.Files;

namespace Sessions.Web.Infrastructure.Files;

public static class StoredFileResults
{
    /// <summary>
    /// Serves a stored file with its sniffed content type and a safe Content-Disposition (the original name
    /// encoded, never trusted as a path). PDFs open in the browser; <paramref name="download"/> forces saving.
    /// The caller has already checked that the user may read it.
    /// </summary>
    public static IActionResult Serve(this ControllerBase controller, IFileStore store, StoredFile file, bool download = false) =>
        // Cleaned again: names stored before uploads were normalised may still hold a path or a bidi override.
        controller.Serve(store, file, UploadedFileName.Clean(file.OriginalName, "document"), download);

    /// <summary>Serves a stored file under a name the app made (a document's symbol and language), not the uploaded one.</summary>
    public static IActionResult Serve(this ControllerBase controller, IFileStore store, StoredFile file, string name, bool download)
    {
        var disposition = new ContentDispositionHeaderValue(download ? "attachment" : "inline");
        disposition.SetHttpFileName(name);
        controller.Response.Headers.ContentDisposition = disposition.ToString();
        controller.Response.Headers.XContentTypeOptions = "nosniff";
        return new FileStreamResult(store.OpenRead(file), file.ContentType);
    }
}
