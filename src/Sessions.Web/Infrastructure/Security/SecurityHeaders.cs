namespace Sessions.Web.Infrastructure.Security;

/// <summary>Headers sent on every response. No inline script is allowed anywhere in the app.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // The Hangfire dashboard (secretariat only) ships inline scripts and styles of its own.
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/jobs")
                    ? ContentSecurityPolicy.Replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            return next();
        });
}
