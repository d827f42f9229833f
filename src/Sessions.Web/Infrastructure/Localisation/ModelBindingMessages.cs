using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Sessions.Web.Infrastructure.Localisation;

/// <summary>Model binding's own messages ("The value 'x' is not valid") go through the localiser too.</summary>
public sealed class ModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(Text));
        var provider = options.ModelBindingMessageProvider;
        provider.SetAttemptedValueIsInvalidAccessor((value, field) => t["The value '{0}' is not valid for {1}.", value, field]);
        provider.SetMissingBindRequiredValueAccessor(field => t["A value for {0} is required.", field]);
        provider.SetMissingKeyOrValueAccessor(() => t["A value is required."]);
        provider.SetMissingRequestBodyRequiredValueAccessor(() => t["A value is required."]);
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["The value '{0}' is not valid.", value]);
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["The value is not valid."]);
        provider.SetUnknownValueIsInvalidAccessor(field => t["The value is not valid for {0}.", field]);
        provider.SetValueIsInvalidAccessor(value => t["The value '{0}' is not valid.", value]);
        provider.SetValueMustBeANumberAccessor(field => t["{0} must be a number.", field]);
        provider.SetValueMustNotBeNullAccessor(_ => t["A value is required."]);
        provider.SetNonPropertyValueMustBeANumberAccessor(() => t["The field must be a number."]);
    }
}
