using Sessions.Core.Common;

namespace Sessions.Core.Documents;

/// <summary>
/// One preparation, in the background, of the ZIP of a session's distributed documents in one language (each
/// document's current version in that language, and a README listing those without one). Anyone may ask for it, so
/// the ZIP is made once per state of the documents (<see cref="ContentKey"/>) and reused until an upload or a
/// distribution changes it; while a run is queued or running, a second request for the same session and language
/// joins it (<see cref="BackgroundRun"/>).
/// </summary>
public class DocumentZipRun : BackgroundRun
{
    private DocumentZipRun()
    {
    }

    public DocumentZipRun(int sessionId, string language, string contentKey, DateTime at)
        : base(sessionId, language, at)
    {
        ContentKey = contentKey;
    }

    /// <summary>
    /// What the documents were when the ZIP was made (a hash of each distributed document's symbol, title and current
    /// file in the language): a ZIP whose key is the documents' key now is up to date.
    /// </summary>
    public string ContentKey { get; private set; } = "";

    public int FilesExpected { get; private set; }
    public int FilesDone { get; private set; }

    /// <summary>The documents with no version in the language, listed in the ZIP's README.</summary>
    public int FilesMissing { get; private set; }
}
