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

    /// <summary>
    /// Renders in <paramref name="language"/> until disposed, whatever the request's language: the localiser's
    /// texts (UI culture) and numbers and dates (culture). The one way to write to a recipient in theirs.
    /// </summary>
    public static IDisposable Use(string language) => new Scope(CultureInfo.GetCultureInfo(Languages.OrDefault(language)));

    /// <summary>What <paramref name="render"/> returns when run in <paramref name="language"/> (<see cref="Use"/>).</summary>
    public static T In<T>(string language, Func<T> render)
    {
        using var scope = Use(language);
        return render();
    }

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public Scope(CultureInfo culture) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
    }
}
