using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure;

namespace Sessions.Tests.FirstRun;

/// <summary><c>admin reset-password EMAIL</c>: the way back in for the secretariat when its password is lost.</summary>
public sealed partial class AdminCommandTests
{
    [Fact]
    public async Task Reset_password_sets_a_new_password_that_signs_in_and_signs_out_the_old_cookies()
    {
        await using var factory = new SessionsAppFactory();
        var before = factory.CreateBrowser("en");
        await before.SignInAsync(SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);

        var (exitCode, output) = await RunAsync(factory, "admin", "reset-password", SessionsAppFactory.AdminEmail);

        Assert.Equal(0, exitCode);
        var password = NewPassword().Match(output).Groups["password"].Value;
        Assert.NotEmpty(password);
        var after = factory.CreateBrowser("en");
        await after.SignInAsync(SessionsAppFactory.AdminEmail, password);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await before.GetAsync("/admin/users")).StatusCode);
        var old = await factory.CreateBrowser("en").PostFormAsync("/account/sign-in", new { Email = SessionsAppFactory.AdminEmail, Password = SessionsAppFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Fact]
    public async Task Reset_password_refuses_in_Production_unless_told_so_explicitly()
    {
        await using var factory = new SessionsAppFactory { EnvironmentName = "Production" };

        var (refused, refusal) = await RunAsync(factory, "admin", "reset-password", SessionsAppFactory.AdminEmail);

        Assert.NotEqual(0, refused);
        Assert.Contains("--production", refusal);
        await factory.CreateBrowser("en").SignInAsync(SessionsAppFactory.AdminEmail, SessionsAppFactory.AdminPassword);

        var (exitCode, output) = await RunAsync(factory, "admin", "reset-password", SessionsAppFactory.AdminEmail, "--production");

        Assert.Equal(0, exitCode);
        await factory.CreateBrowser("en").SignInAsync(SessionsAppFactory.AdminEmail, NewPassword().Match(output).Groups["password"].Value);
    }

    [Fact]
    public async Task Reset_password_refuses_an_account_that_is_not_the_secretariat_s_and_an_unknown_email()
    {
        await using var factory = new SessionsAppFactory();
        var focalPoint = AccountTestData.NewEmail("focal-point");
        await factory.CreateUserAsync(focalPoint, AccountTestData.Password, Roles.FocalPoint);
        var stamp = await SecurityStampAsync(factory, focalPoint);

        var (exitCode, output) = await RunAsync(factory, "admin", "reset-password", focalPoint);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("is not a secretariat account", output);
        Assert.Equal(stamp, await SecurityStampAsync(factory, focalPoint));
        await factory.CreateBrowser("en").SignInAsync(focalPoint, AccountTestData.Password);

        var (unknownExitCode, unknown) = await RunAsync(factory, "admin", "reset-password", "nobody@example.org");

        Assert.NotEqual(0, unknownExitCode);
        Assert.Contains("no account has the email nobody@example.org", unknown);
    }

    [Fact]
    public void The_command_s_own_words_are_kept_from_the_host_which_gets_the_rest()
    {
        var command = AdminCommand.Parse(["admin", "reset-password", "a@b.org", "--environment", "Production", "--production", "--Sessions:DataDirectory=/srv/sessions"])!;

        Assert.Equal(["reset-password", "a@b.org"], command.Words);
        Assert.True(command.Production);
        Assert.Equal(["--environment", "Production", "--Sessions:DataDirectory=/srv/sessions"], command.HostArgs);
        Assert.Null(AdminCommand.Parse(["--urls", "http://localhost:5080"]));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(SessionsAppFactory factory, params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await AdminCommand.Parse(args)!.RunAsync(factory.Services, output);
        return (exitCode, output.ToString());
    }

    private static Task<string?> SecurityStampAsync(SessionsAppFactory factory, string email) =>
        factory.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<User>>().FindByEmailAsync(email))!.SecurityStamp);

    [GeneratedRegex(@"new password for \S+: (?<password>\S+)")]
    private static partial Regex NewPassword();
}
