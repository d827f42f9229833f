using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Data;

namespace Sessions.Tests.FirstRun;

/// <summary>The demo's accounts for each role, made in Development over the demo data so a newcomer sees every side of Sessions.</summary>
// Its host prints the demo accounts' password, which a test reading the console must not take for its own.
[Collection(ConsoleOutput.Name)]
public sealed partial class DemoAccountsTests(DemoAccountsTests.DevelopmentDemoAppFactory factory) : IClassFixture<DemoAccountsTests.DevelopmentDemoAppFactory>
{
    private static readonly string[] _emails = [DemoAccounts.ObserverFocalPoint, DemoAccounts.Delegate, DemoAccounts.MemberStateFocalPoint];

    [Fact]
    public async Task The_demo_accounts_file_is_readable_by_the_local_user_alone_and_names_every_account()
    {
        var file = Path.Combine(factory.DataDirectory, DemoAccounts.FileName);

        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var text = await File.ReadAllTextAsync(file);
        Assert.All(_emails, email => Assert.Contains(email, text));
        Assert.Matches(Password(), text);
    }

    [Fact]
    public async Task The_observer_s_focal_point_signs_in_and_sees_its_delegation_on_the_second_Assembly()
    {
        var browser = await SignInAsync(DemoAccounts.ObserverFocalPoint);

        var delegations = await browser.GetStringAsync("/delegations");

        Assert.Contains("HSP/HA.2", delegations);
        Assert.Contains("Slum Dwellers International", delegations);
    }

    [Fact]
    public async Task The_member_State_s_focal_point_signs_in_and_sees_its_delegation()
    {
        var browser = await SignInAsync(DemoAccounts.MemberStateFocalPoint);

        var delegations = await browser.GetStringAsync("/delegations");

        Assert.Contains("HSP/HA.2", delegations);
        Assert.Contains("Kenya", delegations);
    }

    [Fact]
    public async Task The_delegate_is_the_participant_of_the_observer_s_delegation_and_sees_their_speaking_slot()
    {
        var linked = await factory.InScopeAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<User>>().FindByEmailAsync(DemoAccounts.Delegate);
            Assert.True(await sp.GetRequiredService<UserManager<User>>().IsInRoleAsync(user!, Roles.Delegate));
            var db = sp.GetRequiredService<SessionsDbContext>();
            return await db.Participants.CountAsync(p => p.UserId == user!.Id && p.Email == DemoAccounts.Delegate);
        });
        Assert.Equal(1, linked);
        var browser = await SignInAsync(DemoAccounts.Delegate);

        var slots = await browser.GetStringAsync("/speakers/mine");

        Assert.Contains("HSP/HA.2", slots);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/check-in")).StatusCode);
    }

    [Fact]
    public async Task The_focal_points_act_for_their_organisations_once_approved()
    {
        var acted = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            return await db.FocalPoints.Where(f => f.Status == FocalPointStatus.Approved)
                .Join(db.Users.Where(u => u.Email == DemoAccounts.ObserverFocalPoint || u.Email == DemoAccounts.MemberStateFocalPoint), f => f.UserId, u => u.Id, (f, u) => f.Organisation!.Name)
                .OrderBy(n => n).ToListAsync();
        });

        Assert.Equal(["Kenya", "Slum Dwellers International"], acted);
    }

    [Theory]
    [InlineData("Testing", true)]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public async Task There_are_no_demo_accounts_outside_Development_or_without_the_demo_data(string environment, bool seedDemo)
    {
        await using var other = new SessionsAppFactory { EnvironmentName = environment, SeedDemo = seedDemo };

        var found = await other.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Users.CountAsync(u => _emails.Contains(u.Email)));

        Assert.Equal(0, found);
        Assert.False(File.Exists(Path.Combine(other.DataDirectory, DemoAccounts.FileName)));
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

    public sealed class DevelopmentDemoAppFactory : SessionsAppFactory
    {
        public DevelopmentDemoAppFactory()
        {
            EnvironmentName = "Development";
            SeedDemo = true;
            // The accounts and their file come with the start-up tasks, which run when the host starts.
            StartServer();
        }
    }
}
