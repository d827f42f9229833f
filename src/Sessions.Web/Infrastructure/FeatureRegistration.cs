using Microsoft.AspNetCore.Mvc.Controllers;
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

    /// <summary>
    /// Views stand beside their controller, in the folder its namespace names: a controller in
    /// <c>Sessions.Web.Features.Speakers.Console</c> finds its views in Features/Speakers/Console/.
    /// </summary>
    public sealed class FeatureViewLocations : IViewLocationExpander
    {
        private const string FeatureKey = "feature";
        private const string FeaturesNamespace = "Sessions.Web.Features.";

        public void PopulateValues(ViewLocationExpanderContext context)
        {
            if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor { ControllerTypeInfo.Namespace: { } ns }
                && ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal))
            {
                context.Values[FeatureKey] = ns[FeaturesNamespace.Length..].Replace('.', '/');
            }
        }

        public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
            context.Values.TryGetValue(FeatureKey, out var folder) && folder is not null
                ? ["/Features/" + folder + "/{0}.cshtml", "/Features/Shared/{0}.cshtml", .. viewLocations]
                : ["/Features/Shared/{0}.cshtml", .. viewLocations];
    }
}
