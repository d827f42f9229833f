using System.Globalization;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Tests.Platform;

public sealed class CulturesTests
{
    [Fact]
    public void Text_is_rendered_in_the_recipients_language_and_the_callers_culture_comes_back()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

        var rendered = Cultures.In("fr", () => $"{CultureInfo.CurrentUICulture.Name} {CultureInfo.CurrentCulture.Name}");

        Assert.Equal("fr fr", rendered);
        Assert.Equal(culture, CultureInfo.CurrentCulture);
        Assert.Equal(uiCulture, CultureInfo.CurrentUICulture);
    }

    [Fact]
    public void An_unknown_language_renders_in_English_and_a_failure_still_gives_the_culture_back()
    {
        var uiCulture = CultureInfo.CurrentUICulture;

        Assert.Equal("en", Cultures.In("xx", () => CultureInfo.CurrentUICulture.Name));
        Assert.Throws<InvalidOperationException>(() => Cultures.In<string>("ar", () => throw new InvalidOperationException()));

        Assert.Equal(uiCulture, CultureInfo.CurrentUICulture);
    }
}
