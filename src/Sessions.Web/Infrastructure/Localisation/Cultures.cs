using System.Globalization;
using Sessions.Core.Common;

namespace Sessions.Web.Infrastructure.Localisation;

public static class Cultures
{
    public static readonly IReadOnlyList<CultureInfo> Supported = Languages.All.Select(CultureInfo.GetCultureInfo).ToList();

    /// <summary>The language's own name, as the switcher shows it.</summary>
    public static string Endonym(string code) => code switch
    {
        Languages.Arabic => "العربية",
        Languages.Chinese => "中文",
        Languages.English => "English",
        Languages.French => "Français",
        Languages.Russian => "Русский",
        Languages.Spanish => "Español",
        _ => code,
    };

    public static string Current => Languages.OrDefault(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;
}
