using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sessions.Web.Infrastructure.Email;

/// <summary>Which TLS certificates the relay may present: a valid one always; a self-signed one only when configuration says so.</summary>
public static class RelayCertificate
{
    public static bool IsAccepted(SmtpOptions settings, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None || settings.AcceptAnyCertificate)
        {
            return true;
        }

        if (certificate is null || string.IsNullOrWhiteSpace(settings.CertificateThumbprint))
        {
            return false;
        }

        var pinned = Normalise(settings.CertificateThumbprint);
        var raw = certificate.GetRawCertData();
        return pinned == Convert.ToHexString(SHA256.HashData(raw)) || pinned == Convert.ToHexString(SHA1.HashData(raw));
    }

    private static string Normalise(string thumbprint) =>
        new string(thumbprint.Where(char.IsAsciiHexDigit).ToArray()).ToUpperInvariant();
}
