using Microsoft.AspNetCore.HostFiltering;

namespace Sessions.Web.Infrastructure;

/// <summary>Wiring of the public address: one <see cref="PublicLinks"/> for the whole app, and the hosts requests may name.</summary>
public static class PublicLinksSetup
{
    /// <summary>
    /// Registers the app's <see cref="PublicLinks"/> (start-up fails here, with what to set, when Sessions:PublicUrl is
    /// missing outside Development) and accepts only requests for its host: AllowedHosts adds more (a health probe's
    /// "localhost"), "*" any.
    /// </summary>
    public static IServiceCollection AddPublicLinks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var links = PublicLinks.From(configuration, environment);
        services.AddSingleton(links);

        var more = configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        string[] loopback = environment.IsDevelopment() ? ["localhost", "127.0.0.1", "[::1]"] : [];
        services.Configure<HostFilteringOptions>(options => options.AllowedHosts = [links.IdnHost, .. loopback, .. more]);
        return services;
    }
}
