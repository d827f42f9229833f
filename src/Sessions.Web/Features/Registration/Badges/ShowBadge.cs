using QRCoder;
using Sessions.Core.Data;

namespace Sessions.Web.Features.Registration.Badges;

/// <summary>
/// One participant's badge, and its QR code. The QR code carries the address of the badge page,
/// {PublicUrl}/badges/{token}: scanned at the door by the secretariat it opens the badge, or the
/// "not valid" page once the badge is revoked. The token is the only secret in it.
/// </summary>
public static class ShowBadge
{
    public sealed class Handler(SessionsDbContext db)
    {
        public Task<Badge?> HandleAsync(string token, BadgeAccess.Viewer viewer, string language) =>
            BadgeAccess.FindAsync(db, token, viewer, language);

        /// <summary>The PNG of the badge's QR code, or null when the viewer may not see the badge.</summary>
        public async Task<byte[]?> QrCodeAsync(string token, BadgeAccess.Viewer viewer, string badgeUrl)
        {
            if (await BadgeAccess.FindAsync(db, token, viewer, Core.Common.Languages.English) is null)
            {
                return null;
            }

            return QrPng(badgeUrl);
        }

        public static byte[] QrPng(string content)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.Q);
            return new PngByteQRCode(data).GetGraphic(8);
        }
    }
}
