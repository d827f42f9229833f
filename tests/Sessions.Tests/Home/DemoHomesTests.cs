using System.Text.RegularExpressions;
using Sessions.Tests.FirstRun;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Tests.Home;

/// <summary>The demo accounts' homes: what "Try it as each role" in the README promises.</summary>
[Collection(ConsoleOutput.Name)]
public sealed partial class DemoHomesTests(DemoAccountsTests.DevelopmentDemoAppFactory factory) : IClassFixture<DemoAccountsTests.DevelopmentDemoAppFactory>
{
    [Fact]
    public async Task The_demo_delegate_finds_the_second_Assembly_under_My_sessions()
    {
        var home = await (await SignInAsync(DemoAccounts.Delegate)).GetStringAsync("/");

        Assert.Contains("My sessions", home);
        Assert.Matches("my-participation.*HSP/HA.2", Regex.Replace(home, @"\s+", " "));
        Assert.DoesNotContain("My organisations", home);
    }

    [Fact]
    public async Task The_demo_focal_points_find_their_organisation_and_its_delegation_under_My_organisations()
    {
        var observer = await (await SignInAsync(DemoAccounts.ObserverFocalPoint)).GetStringAsync("/");
        var memberState = await (await SignInAsync(DemoAccounts.MemberStateFocalPoint)).GetStringAsync("/");

        Assert.Contains("Slum Dwellers International", observer);
        Assert.Contains("my-delegation", observer);
        Assert.DoesNotContain("Kenya", observer);
        Assert.Contains("Kenya", memberState);
        Assert.DoesNotContain("Slum Dwellers International", memberState);
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(factory.DataDirectory, DemoAccounts.FileName));
        var browser = factory.CreateBrowser("en");
        await browser.SignInAsync(email, Password().Match(text).Groups["password"].Value);
        return browser;
    }

    [GeneratedRegex(@"password: (?<password>\S+)")]
    private static partial Regex Password();
}
