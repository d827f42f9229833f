using System.Net;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Accounts.Account;

/// <summary>A host of its own, with three sign-in attempts a minute per address.</summary>
public sealed class ThrottledSignInAppFactory : SessionsAppFactory
{
    public const int Permits = 3;

    public ThrottledSignInAppFactory()
    {
        Settings["Security:SignInPermitsPerMinute"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class SignInRateLimitTests(ThrottledSignInAppFactory factory) : IClassFixture<ThrottledSignInAppFactory>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_permitted_number_get_the_localised_429_page()
    {
        var client = factory.CreateBrowser("es");
        for (var attempt = 1; attempt <= ThrottledSignInAppFactory.Permits; attempt++)
        {
            var allowed = await client.PostFormAsync("/account/sign-in", new { Email = "nobody@example.org", Password = "wrong-password" });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await client.PostFormAsync("/account/sign-in", new { Email = "nobody@example.org", Password = "wrong-password" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Demasiadas solicitudes", await refused.PageTextAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
    }
}
