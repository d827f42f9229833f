using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Sessions.Core.Accounts;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure;

namespace Sessions.Tests.Platform;

/// <summary>Every emailed link starts with the configured public address, never with the Host a request names.</summary>
public sealed class PublicUrlTests
{
    [Theory]
    [InlineData("Production", "https://sessions.example.org/", null, "https://sessions.example.org")]
    [InlineData("Development", null, "http://sessions.test:5080", "http://sessions.test:5080")]
    public async Task A_reset_link_asked_for_with_a_forged_Host_points_to_the_public_address(string environment, string? publicUrl, string? urls, string expectedRoot)
    {
        await using var factory = new SessionsAppFactory { EnvironmentName = environment, PublicUrl = publicUrl };
        factory.Settings["urls"] = urls;
        // As behind a proxy that passes any Host on: the link must still not come from it.
        factory.Settings["AllowedHosts"] = "*";
        var email = AccountTestData.NewEmail("forged-host");
        await factory.CreateUserAsync(email, AccountTestData.Password, Roles.FocalPoint);
        var anonymous = factory.CreateBrowser("en");
        anonymous.DefaultRequestHeaders.Host = "evil.example";

        var response = await anonymous.PostFormAsync("/account/forgot-password", new { Email = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = await factory.WaitForMessageAsync(email);
        Assert.DoesNotContain("evil.example", message.TextBody + message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"{expectedRoot}/account/reset-password?userId=", message.TextBody);
        Assert.Contains($"href=\"{expectedRoot}/account/reset-password?userId=", message.HtmlBody);
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused()
    {
        await using var factory = new SessionsAppFactory { PublicUrl = "https://sessions.example.org" };
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://sessions.example.org"), AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/account/forgot-password");
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task In_Development_the_loopback_addresses_open_the_app_started_on_localhost(string host)
    {
        await using var factory = new SessionsAppFactory { EnvironmentName = "Development", PublicUrl = null };
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = host;
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/health");
        forged.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task Start_up_outside_Development_without_a_public_url_fails_saying_what_to_set()
    {
        await using var factory = new SessionsAppFactory { EnvironmentName = "Production", PublicUrl = null };

        var error = Record.Exception(() => factory.Server);

        Assert.NotNull(error);
        var messages = Chain(error).Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("Sessions:PublicUrl is not set.", StringComparison.Ordinal)
            && m.Contains("never from a request's Host header", StringComparison.Ordinal)
            && m.Contains("Sessions__PublicUrl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "http://localhost:5000")]
    [InlineData("http://localhost:5123", "http://localhost:5123")]
    [InlineData("https://+:5001;http://+:5000", "https://localhost:5001")]
    [InlineData("http://*:8080", "http://localhost:8080")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    public void In_Development_links_point_to_the_address_the_app_listens_on(string? urls, string expectedRoot)
    {
        var links = PublicLinks.From(Configuration(("urls", urls)), new HostingEnvironment { EnvironmentName = "Development" });

        Assert.Equal(expectedRoot, links.Root);
        Assert.Equal($"{expectedRoot}/account/sign-in", links.Absolute("/account/sign-in"));
    }

    [Theory]
    [InlineData("sessions.example.org")]
    [InlineData("ftp://sessions.example.org")]
    [InlineData("https://sessions.example.org/?x=1")]
    public void A_public_url_that_is_not_an_http_address_is_refused_at_start_up(string publicUrl)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            PublicLinks.From(Configuration((PublicLinks.Setting, publicUrl)), new HostingEnvironment { EnvironmentName = "Production" }));

        Assert.Contains("must be the absolute http or https address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_url_under_a_path_keeps_its_path()
    {
        var links = PublicLinks.From(Configuration((PublicLinks.Setting, "https://Example.org/sessions/")), new HostingEnvironment { EnvironmentName = "Production" });

        Assert.Equal("https://example.org/sessions/badges/abc", links.Absolute("/badges/abc"));
        Assert.Equal("example.org", links.Host);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
