using System.Net;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Platform;

public sealed class LanguageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Theory]
    [InlineData("ar", "rtl", "bootstrap.rtl.min.css", "الدورات")]
    [InlineData("zh", "ltr", "bootstrap.min.css", "会议")]
    [InlineData("ru", "ltr", "bootstrap.min.css", "Сессии")]
    [InlineData("es", "ltr", "bootstrap.min.css", "Períodos de sesiones")]
    public async Task The_browser_language_chooses_the_page_language_on_a_first_visit(string language, string direction, string stylesheet, string menuText)
    {
        var html = await factory.CreateBrowser(language).GetStringAsync("/");
        Assert.Contains($"<html lang=\"{language}\" dir=\"{direction}\">", html);
        Assert.Contains(stylesheet, html);
        Assert.Contains(menuText, html);
    }

    [Fact]
    public async Task The_switcher_remembers_the_chosen_language_in_a_cookie()
    {
        var client = factory.CreateBrowser("en");
        var response = await client.PostFormAsync("/language", new { culture = "fr", returnUrl = "/sessions" }, formPageUrl: "/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sessions", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));

        var html = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", html);
        Assert.Contains("Se connecter", html);
    }

    [Fact]
    public async Task The_switcher_never_redirects_off_site()
    {
        var response = await factory.CreateBrowser().PostFormAsync("/language", new { culture = "es", returnUrl = "https://evil.example/" }, formPageUrl: "/");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var response = await factory.CreateBrowser().PostAsync("/language", new FormUrlEncodedContent([new("culture", "fr")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
