using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Sessions.Web.Infrastructure;

/// <summary>A controller that exists in the Development environment alone: elsewhere its routes are never mapped.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DevelopmentOnlyAttribute : Attribute;

/// <summary>Takes the <see cref="DevelopmentOnlyAttribute"/> controllers out of the app outside Development.</summary>
public sealed class DevelopmentOnlyControllers(IHostEnvironment environment) : IApplicationFeatureProvider<ControllerFeature>
{
    public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        foreach (var controller in feature.Controllers.Where(c => c.IsDefined(typeof(DevelopmentOnlyAttribute), inherit: false)).ToList())
        {
            feature.Controllers.Remove(controller);
        }
    }
}
