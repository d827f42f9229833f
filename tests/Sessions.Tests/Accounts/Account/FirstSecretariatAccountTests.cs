using System.Text.RegularExpressions;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Accounts.Account;

[Collection(ConsoleOutput.Name)]
public sealed partial class FirstSecretariatAccountTests
{
    [GeneratedRegex(@"email:\s+(\S+)\s+password:\s+(\S+)")]
    private static partial Regex PrintedAccount();

    [Fact]
    public async Task In_development_without_admin_settings_a_generated_account_is_printed_once_and_works()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sessions-tests", Guid.NewGuid().ToString("N"));
        var first = await StartCapturingConsoleAsync(dataDirectory);
        var match = PrintedAccount().Match(first.Output);
        Assert.True(match.Success, "The first start prints the generated account:\n" + first.Output);
        var (email, password) = (match.Groups[1].Value, match.Groups[2].Value);
        Assert.True(password.Length >= 12);
        await first.Factory.CreateBrowser().SignInAsync(email, password);
        first.Factory.Dispose();

        var second = await StartCapturingConsoleAsync(dataDirectory);
        Assert.DoesNotContain("password:", second.Output);
        await second.Factory.CreateBrowser().SignInAsync(email, password);
        second.Factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private static async Task<(SessionsAppFactory Factory, string Output)> StartCapturingConsoleAsync(string dataDirectory)
    {
        var factory = new SessionsAppFactory { EnvironmentName = "Development" };
        factory.Settings["Sessions:DataDirectory"] = dataDirectory;
        factory.Settings["Sessions:Admin:Email"] = "";
        factory.Settings["Sessions:Admin:Password"] = "";
        var original = Console.Out;
        var captured = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(captured));
        try
        {
            _ = factory.Server;
            await factory.CreateBrowser().GetAsync("/health");
        }
        finally
        {
            Console.SetOut(original);
        }

        return (factory, captured.ToString());
    }
}
