namespace Sessions.Web.Infrastructure;

/// <summary>
/// The app's public address, for links sent by email, badge QR codes and calendar UIDs: the same in a request
/// and in a background job, and never taken from a request's Host header (a forged Host would put a stranger's
/// site in a password-reset link). It is Sessions:PublicUrl, which start-up requires outside Development; in
/// Development, the address the app is configured to listen on.
/// </summary>
public sealed class PublicLinks
{
    public const string Setting = "Sessions:PublicUrl";

    private const string KestrelDefault = "http://localhost:5000";

    public PublicLinks(Uri root)
    {
        Root = root.GetLeftPart(UriPartial.Path).TrimEnd('/');
        Host = root.Host;
        IdnHost = root.IdnHost;
    }

    /// <summary>The root without a trailing slash, e.g. https://sessions.example.org.</summary>
    public string Root { get; }

    /// <summary>The host calendar UIDs are made unique with; the same for the feed and the notices, so events are not doubled.</summary>
    public string Host { get; }

    /// <summary>The host as a Host header carries it (internationalised names in punycode).</summary>
    public string IdnHost { get; }

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (which starts with /).</summary>
    public string Absolute(string pathAndQuery) => Root + pathAndQuery;

    /// <summary>The public address from configuration; throws with what to set when there is none outside Development.</summary>
    public static PublicLinks From(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PublicLinks(Parse(configured) ?? throw new InvalidOperationException(
                $"{Setting} must be the absolute http or https address people open Sessions at, such as https://sessions.example.org; it is \"{configured}\"."));
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{Setting} is not set. Links sent by email (password reset, confirmation, badges, notices) are built from it, never from a request's Host header: " +
                "set it to the address people open Sessions at, such as https://sessions.example.org (environment variable Sessions__PublicUrl). " +
                "Only the Development environment does without it.");
        }

        var listening = ListeningAddress(configuration);
        return new PublicLinks(Parse(listening) ?? throw new InvalidOperationException(
            $"{Setting} is not set and the address the app listens on, \"{listening}\", is not one a link can point to: set {Setting}."));
    }

    /// <summary>The first address Kestrel is configured to listen on (its endpoints, then urls, then http_ports), wildcards read as localhost.</summary>
    private static string ListeningAddress(IConfiguration configuration)
    {
        var endpoint = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u));
        var url = endpoint
            ?? First(configuration["urls"])
            ?? (First(configuration["http_ports"]) is { } port ? $"http://localhost:{port}" : null)
            ?? KestrelDefault;
        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
        {
            url = url.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return url;
    }

    private static string? First(string? list) =>
        list?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    private static Uri? Parse(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0 && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri
            : null;
}
