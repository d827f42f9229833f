using Microsoft.Extensions.Localization;
using Sessions.Core.Notices;

namespace Sessions.Web.Infrastructure.Localisation;

public static class LocalizerExtensions
{
    /// <summary>An enum value's label: the key is "EnumName.Member", e.g. "OrganisationCategory.MemberState".</summary>
    public static string For(this IStringLocalizer localizer, Enum value) => localizer[$"{value.GetType().Name}.{value}"];

    /// <summary>
    /// The name of a kind of notice ("participants.withdrawn"), wherever a person reads one: the key is
    /// "NoticeKind.{key}". A kind Sessions no longer sends (an old row of the outbox) shows its key.
    /// </summary>
    public static string ForNoticeKind(this IStringLocalizer localizer, string kind) =>
        NoticeKinds.Find(kind) is null ? kind : localizer[$"NoticeKind.{kind}"];
}
