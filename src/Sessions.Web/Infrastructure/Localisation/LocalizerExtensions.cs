using Microsoft.Extensions.Localization;

namespace Sessions.Web.Infrastructure.Localisation;

public static class LocalizerExtensions
{
    /// <summary>An enum value's label: the key is "EnumName.Member", e.g. "OrganisationCategory.MemberState".</summary>
    public static string For(this IStringLocalizer localizer, Enum value) => localizer[$"{value.GetType().Name}.{value}"];
}
