using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;

namespace Sessions.Web.Infrastructure.Localisation;

public static class DomainErrors
{
    /// <summary>
    /// Puts a rule's refusal on the form, in the user's language, so the page can be shown again with what was typed:
    /// each refused rule on its own field, or on <paramref name="key"/> when the rule names none.
    /// </summary>
    public static void AddDomainError(this ModelStateDictionary modelState, IStringLocalizer localizer, DomainException error, string key = "")
    {
        foreach (var refusal in error.Refusals)
        {
            modelState.AddModelError(refusal.Field == "" ? key : refusal.Field, localizer[refusal.Message, refusal.Arguments].Value);
        }
    }

    /// <summary>A rule's refusal in the user's language (every rule refused, when several were): its message is a resource key, its arguments fill the placeholders.</summary>
    public static string Refusal(this IStringLocalizer localizer, DomainException error) =>
        string.Join(" ", error.Refusals.Select(refusal => localizer[refusal.Message, refusal.Arguments].Value));
}
