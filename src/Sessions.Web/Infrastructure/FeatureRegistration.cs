using Microsoft.AspNetCore.Mvc.Razor;

namespace Sessions.Web.Infrastructure;

public static class FeatureRegistration
{
    /// <summary>
    /// Registers every use-case handler (a class named <c>Handler</c>, nested in its use case such as
    /// <c>Register.Handler</c>, or ending in "Handler") so a feature needs no wiring in Program.cs.
    /// </summary>
    public static IServiceCollection AddUseCaseHandlers(this IServiceCollection services)
    {
        var handlers = typeof(FeatureRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && t.Name.EndsWith("Handler", StringComparison.Ordinal)
                && t.Namespace?.StartsWith("Sessions.Web.Features", StringComparison.Ordinal) == true);
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }

        return services;
    }

    /// <summary>Views stand beside their controller in Features/&lt;Feature&gt;/.</summary>
    public sealed class FeatureViewLocations : IViewLocationExpander
    {
        public void PopulateValues(ViewLocationExpanderContext context)
        {
        }

        public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
            ["/Features/{1}/{0}.cshtml", "/Features/Shared/{0}.cshtml", .. viewLocations];
    }
}
