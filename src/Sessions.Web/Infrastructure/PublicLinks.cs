using Microsoft.Extensions.Options;

namespace Sessions.Web.Infrastructure;

/// <summary>
/// The app's public address, for links sent by email, badge QR codes and calendar UIDs: Sessions:PublicUrl
/// when set, else the address of the current request. Background jobs have no request: without
/// Sessions:PublicUrl their links are relative and their calendar UIDs use "sessions.local".
/// </summary>
public sealed class PublicLinks(IOptions<SessionsOptions> options, IHttpContextAccessor http)
{
    private const string NoHost = "sessions.local";

    /// <summary>The root without a trailing slash, e.g. https://sessions.example.org (empty when nothing is known).</summary>
    public string Root
    {
        get
        {
            var root = options.Value.PublicUrl;
            if (string.IsNullOrWhiteSpace(root) && http.HttpContext?.Request is { } request)
            {
                root = $"{request.Scheme}://{request.Host}{request.PathBase}";
            }

            return (root ?? "").TrimEnd('/');
        }
    }

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (which starts with /).</summary>
    public string Absolute(string pathAndQuery) => Root + pathAndQuery;

    /// <summary>The host calendar UIDs are made unique with; the same for the feed and the notices, so events are not doubled.</summary>
    public string Host => Uri.TryCreate(Root, UriKind.Absolute, out var uri) ? uri.Host : NoHost;
}
