using System.Text;

namespace Sessions.Tests.Infrastructure;

/// <summary>Documents to upload: a tiny valid PDF, and things that only pretend to be one.</summary>
public static class TestPdf
{
    /// <summary>A one-page PDF, small but well formed.</summary>
    public static byte[] Bytes(string text = "Test") => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
        + $"% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The first bytes of a Word document (a ZIP archive), whatever name it is given.</summary>
    public static byte[] WordDocument() => [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, .. Encoding.ASCII.GetBytes("[Content_Types].xml word/document.xml")];

    /// <summary>A PDF header followed by padding up to <paramref name="megabytes"/> MB.</summary>
    public static byte[] OfSize(int megabytes)
    {
        var bytes = new byte[megabytes * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }
}
