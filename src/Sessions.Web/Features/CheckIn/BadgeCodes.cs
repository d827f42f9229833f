namespace Sessions.Web.Features.CheckIn;

/// <summary>What the door reads: the badge's QR code carries the badge page's address; a scanner may type it, or staff the token.</summary>
public static class BadgeCodes
{
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
        return Badges.BadgeAccess.LooksLikeToken(text) ? text : null;
    }
}
