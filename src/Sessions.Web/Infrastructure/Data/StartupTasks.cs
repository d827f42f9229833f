using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Web.Features.Attendance.Report;

namespace Sessions.Web.Infrastructure.Data;

/// <summary>What runs once before the app takes requests: migrations, roles, the first secretariat account, demo data and, in Development, demo accounts.</summary>
public static class StartupTasks
{
    public static async Task RunAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<SessionsDbContext>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTasks));

        // Another process may be starting on the same database at this moment (two instances, a restart that overlaps):
        // the tasks run under one exclusive lock, and the second process finds what the first has done.
        using (await DatabaseSetup.AcquireStartupLockAsync(db, logger))
        {
            await DatabaseSetup.MigrateAsync(db);

            var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }

            await EnsureFirstSecretariatAccountAsync(sp);

            var options = sp.GetRequiredService<IOptions<SessionsOptions>>().Value;
            if (options.SeedDemo)
            {
                await sp.GetRequiredService<DemoData>().SeedAsync();
                if (sp.GetRequiredService<IHostEnvironment>().IsDevelopment())
                {
                    await sp.GetRequiredService<DemoAccounts>().EnsureAsync();
                }
            }

            if (sp.GetRequiredService<JobStorage>() is InMemoryStorage)
            {
                await RunAttendanceReport.FailInterruptedRunsAsync(db, sp.GetRequiredService<DataDirectory>(), sp.GetRequiredService<TimeProvider>(), logger);
                await Features.Documents.Zip.RunDocumentZip.FailInterruptedRunsAsync(db, sp.GetRequiredService<DataDirectory>(), sp.GetRequiredService<TimeProvider>(), logger);
            }
        }
    }

    private static async Task EnsureFirstSecretariatAccountAsync(IServiceProvider sp)
    {
        var users = sp.GetRequiredService<UserManager<User>>();
        if ((await users.GetUsersInRoleAsync(Roles.Secretariat)).Count > 0)
        {
            return;
        }

        var options = sp.GetRequiredService<IOptions<SessionsOptions>>().Value;
        var environment = sp.GetRequiredService<IHostEnvironment>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTasks));
        var email = options.Admin.Email;
        var password = options.Admin.Password;
        var generated = false;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            if (!environment.IsDevelopment())
            {
                logger.LogWarning("No secretariat account exists. Set Sessions:Admin:Email and Sessions:Admin:Password to create one.");
                return;
            }

            email = string.IsNullOrWhiteSpace(email) ? "admin@sessions.local" : email;
            password = GeneratedPasswords.New();
            generated = true;
        }

        var user = new User
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = "Secretariat administrator",
            CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first secretariat account: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, Roles.Secretariat);
        if (generated)
        {
            // Printed once, on purpose: this is the only place the generated password appears.
            Console.WriteLine();
            Console.WriteLine("==============================================================");
            Console.WriteLine(" First secretariat account created");
            Console.WriteLine($"   email:    {email}");
            Console.WriteLine($"   password: {password}");
            Console.WriteLine(" Sign in and change it (Account > Change password).");
            Console.WriteLine(" Lost? dotnet run --project src/Sessions.Web -- admin reset-password " + email);
            Console.WriteLine("==============================================================");
            Console.WriteLine();
        }
    }
}
