namespace Sessions.Web.Features.Attendance.CheckIn;

/// <summary>
/// What the door reads: the badge's QR code (its address, ending in /badges/{token}), the token itself, or the door
/// code printed under the QR code — the token's first twelve characters in groups of four, short enough to type.
/// </summary>
public static class BadgeCodes
{
    public const int DoorCodeLength = 12;

    /// <summary>The badge token in <paramref name="code"/> (an address ending in /badges/{token}, or the token), or null.</summary>
    public static string? TokenOf(string? code)
    {
        var text = (code ?? "").Trim();
        var at = text.LastIndexOf("/badges/", StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            text = text[(at + "/badges/".Length)..];
            var end = text.IndexOfAny(['/', '?', '#']);
            text = end >= 0 ? text[..end] : text;
        }

        text = text.ToLowerInvariant();
        return Registration.Badges.BadgeAccess.LooksLikeToken(text) ? text : null;
    }

    /// <summary>The door code typed in <paramref name="code"/> (spaces and dashes ignored, any case) as the token's first characters, or null.</summary>
    public static string? DoorCodeOf(string? code)
    {
        var text = new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToLowerInvariant();
        return text.Length == DoorCodeLength && text.All(char.IsAsciiHexDigitLower) ? text : null;
    }

    /// <summary>The door code printed on a badge: "3F9A 0C21 B7E4".</summary>
    public static string DoorCode(string token) =>
        string.Join(' ', token[..DoorCodeLength].ToUpperInvariant().Chunk(4).Select(group => new string(group)));
}
