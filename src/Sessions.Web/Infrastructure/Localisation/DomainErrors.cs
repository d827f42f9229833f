using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Sessions.Core.Common;

namespace Sessions.Web.Infrastructure.Localisation;

public static class DomainErrors
{
    /// <summary>Puts a rule's refusal on the form, in the user's language, so the page can be shown again with what was typed.</summary>
    public static void AddDomainError(this ModelStateDictionary modelState, IStringLocalizer localizer, DomainException error, string key = "") =>
        modelState.AddModelError(key, localizer[error.Message, error.Arguments]);
}
