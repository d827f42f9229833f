using Microsoft.AspNetCore.Authorization;

namespace Sessions.Web.Infrastructure.Security;

/// <summary>Headers sent on every response. No inline script is allowed anywhere in the app but on the endpoints marked with <see cref="AllowInlineScriptsAndStyles"/>.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string InlineContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Relaxes the policy on these endpoints only (the Hangfire dashboard ships inline scripts and styles of its own).
    /// Scoped by endpoint, not by path: the dashboard moves its prefix into PathBase before the response starts.
    /// </summary>
    public static TBuilder AllowInlineScriptsAndStyles<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new InlineScriptsAndStyles());

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                var endpoint = context.GetEndpoint();
                var framed = endpoint?.Metadata.GetMetadata<FramedBySameOriginAttribute>() is not null;
                var policy = endpoint?.Metadata.GetMetadata<InlineScriptsAndStyles>() is null
                    ? ContentSecurityPolicy
                    : InlineContentSecurityPolicy;
                headers.ContentSecurityPolicy = framed ? policy.Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal) : policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = framed ? "SAMEORIGIN" : "DENY";
                headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
                if (NeedsSignIn(context, endpoint))
                {
                    // Letters, statements, exports and badges must not stay in a shared computer's or a proxy's cache.
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            return next();
        });

    /// <summary>
    /// A response to a signed-in request, or from an endpoint that is not public (the fallback policy asks for sign-in
    /// wherever <see cref="IAllowAnonymous"/> is absent). Static files are served before authentication and routing, so
    /// they have neither a user nor an endpoint, and stay cacheable.
    /// </summary>
    private static bool NeedsSignIn(HttpContext context, Endpoint? endpoint) =>
        context.User.Identity?.IsAuthenticated == true
        || (endpoint is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null);

    private sealed class InlineScriptsAndStyles;
}

/// <summary>A page the app's own pages may show in a frame (the console's preview of the projector); every other page may not be framed at all.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class FramedBySameOriginAttribute : Attribute;
