using Sessions.Core.Files;

namespace Sessions.Web.Features.Statements.Submission;

/// <summary>
/// The name a statement's file is offered back under: <see cref="UploadedFileName"/>, never markup either, and
/// with the extension of what the file is (so a PDF named "x.html" is saved as "x.pdf").
/// </summary>
public static class StatementFileNames
{
    public const int MaxLength = 120;

    private static readonly char[] _refused = ['<', '>', ':', '"', '/', '\\', '|', '?', '*', '%', ';', '&', '\'', '`', '$', '{', '}'];

    /// <summary><paramref name="head"/> is the file's first bytes: "%PDF-" makes it a .pdf, anything else a .docx (the store refuses what is neither).</summary>
    public static string Clean(string? uploaded, ReadOnlySpan<byte> head)
    {
        var name = UploadedFileName.Clean(uploaded, fallback: "");
        var kept = new string(name.Where(c => Array.IndexOf(_refused, c) < 0).ToArray());
        var stem = Path.GetFileNameWithoutExtension(kept).Trim().Trim('.').Trim();
        if (stem.Length > MaxLength)
        {
            stem = stem[..MaxLength];
        }

        var extension = head.StartsWith("%PDF-"u8) ? ".pdf" : ".docx";
        return (stem.Length == 0 ? "statement" : stem) + extension;
    }
}
