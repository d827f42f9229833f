using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;

namespace Sessions.Web.Infrastructure.Localisation;

public static class DomainErrors
{
    /// <summary>Puts a rule's refusal on the form, in the user's language, so the page can be shown again with what was typed.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, IStringLocalizer localizer, DomainException error, string key = "") =>
        modelState.AddModelError(key, localizer.Refusal(error));

    /// <summary>A rule's refusal in the user's language: its message is a resource key, its arguments fill the placeholders.</summary>
    public static string Refusal(this IStringLocalizer localizer, DomainException error) =>
        localizer[error.Message, error.Arguments].Value;
}
