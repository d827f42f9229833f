using Microsoft.AspNetCore.Identity;
using Sessions.Core.Accounts;
using Sessions.Core.Data;

using Sessions.Web.Infrastructure.Data;

namespace Sessions.Web.Infrastructure;

/// <summary>
/// <c>admin reset-password EMAIL [--production]</c>: the way back in when the secretariat's password is lost. Runs
/// instead of the web server, sets a generated password, prints it once and ends every session of the account.
/// </summary>
public sealed class AdminCommand
{
    private const string ProductionFlag = "--production";

    private AdminCommand(string[] words, bool production, string[] hostArgs)
    {
        Words = words;
        Production = production;
        HostArgs = hostArgs;
    }

    /// <summary>The words after "admin": "reset-password", the email.</summary>
    public string[] Words { get; }

    /// <summary>The explicit consent to change a password in Production.</summary>
    public bool Production { get; }

    /// <summary>What is left for the host: --environment, --Sessions:DataDirectory=... .</summary>
    public string[] HostArgs { get; }

    /// <summary>The command in the arguments, or null when they start the web server.</summary>
    public static AdminCommand? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "admin")
        {
            return null;
        }

        var words = new List<string>();
        var hostArgs = new List<string>();
        var production = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == ProductionFlag)
            {
                production = true;
            }
            else if (args[i].StartsWith('-'))
            {
                hostArgs.Add(args[i]);
                if (!args[i].Contains('=') && i + 1 < args.Length)
                {
                    hostArgs.Add(args[++i]);
                }
            }
            else
            {
                words.Add(args[i]);
            }
        }

        return new AdminCommand([.. words], production, [.. hostArgs]);
    }

    public async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        if (Words is not ["reset-password", var email])
        {
            await output.WriteLineAsync("usage: admin reset-password EMAIL [--production]");
            return 2;
        }

        var environment = services.GetRequiredService<IHostEnvironment>();
        if (environment.IsProduction() && !Production)
        {
            await output.WriteLineAsync($"refused: this is Production; to reset the password of {email} here, add {ProductionFlag}");
            return 1;
        }

        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SessionsDbContext>();
        // Not while an app on the same database runs its start-up tasks: those may be creating this very account.
        using (await DatabaseSetup.AcquireStartupLockAsync(db, sp.GetRequiredService<ILoggerFactory>().CreateLogger<AdminCommand>()))
        {
            await DatabaseSetup.MigrateAsync(db);
        }

        var users = sp.GetRequiredService<UserManager<User>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await output.WriteLineAsync($"refused: no account has the email {email}");
            return 1;
        }

        if (!await users.IsInRoleAsync(user, Roles.Secretariat))
        {
            await output.WriteLineAsync($"refused: {email} is not a secretariat account; its holder can use \"Forgot your password?\" on the sign-in page");
            return 1;
        }

        var password = GeneratedPasswords.New();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync("refused: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        // A lost password may be a stolen one: the reset renews the security stamp, which signs out every cookie of the
        // account, and a lock set by guessing is lifted.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await output.WriteLineAsync($"new password for {email}: {password}");
        await output.WriteLineAsync("It is shown only this once. Sign in and change it (Account > Change password).");
        return 0;
    }
}
