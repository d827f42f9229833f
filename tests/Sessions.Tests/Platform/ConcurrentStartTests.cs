using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Sessions.Core.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Platform;

/// <summary>
/// Two real processes of the app started at the same moment on one empty data directory, as two service units or
/// containers would be: the start-up tasks (migrations, roles, the first secretariat account, the demo) run once.
/// </summary>
public sealed class ConcurrentStartTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sessions-tests", "concurrent-" + Guid.NewGuid().ToString("N"));
    private readonly List<Process> _processes = [];

    [Fact]
    public async Task Two_processes_started_together_on_an_empty_data_directory_both_come_up_with_one_set_of_roles_accounts_and_demo_data()
    {
        Directory.CreateDirectory(_dataDirectory);
        var apps = Enumerable.Range(0, 2).Select(_ => Start(FreePort())).ToList();

        await Task.WhenAll(apps.Select(app => WaitForHealthAsync(app.Process, app.Address, app.Output)));

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dataDirectory, "sessions.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        Assert.Equal(Roles.All.Order(), (await ColumnAsync(connection, "SELECT \"Name\" FROM \"AspNetRoles\"")).Order());
        Assert.Equal([SessionsAppFactory.AdminEmail], await ColumnAsync(connection, "SELECT \"Email\" FROM \"AspNetUsers\""));
        Assert.Equal(["HSP/CPR", "HSP/EB", "HSP/HA"], (await ColumnAsync(connection, "SELECT \"SymbolPrefix\" FROM \"Bodies\"")).Order());
        Assert.Single(await ColumnAsync(connection, "SELECT \"Symbol\" FROM \"Sessions\" WHERE \"Symbol\" = 'HSP/HA.2'"));
        Assert.Single(await ColumnAsync(connection, "SELECT \"Name\" FROM \"Organisations\" WHERE \"Name\" = 'African Union'"));
        Assert.Single(await ColumnAsync(connection, "SELECT \"Name\" FROM \"Organisations\" WHERE \"Name\" = 'Kenya'"));
    }

    private (Process Process, Uri Address, StringBuilder Output) Start(int port)
    {
        // The web project's own build output, as `dotnet run` would start it: the same configuration as this test's.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var project = Path.Combine(RepositoryPaths.Root, "src", "Sessions.Web");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(project, "bin", configuration, "net10.0", "Sessions.Web.dll")])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var address = new Uri($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["Sessions__DataDirectory"] = _dataDirectory;
        start.Environment["Sessions__SeedDemo"] = "true";
        start.Environment["Sessions__PublicUrl"] = address.ToString();
        start.Environment["Sessions__Admin__Email"] = SessionsAppFactory.AdminEmail;
        start.Environment["Sessions__Admin__Password"] = SessionsAppFactory.AdminPassword;
        start.Environment["Smtp__Host"] = "";
        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        return (process, address, output);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    /// <summary>Polls /health until it answers 200; fails with the process's output when it exits first (a deadline of three minutes, never a timing assert).</summary>
    private static async Task WaitForHealthAsync(Process process, Uri address, StringBuilder output)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            Assert.False(process.HasExited, $"The process on {address} exited with code {(process.HasExited ? process.ExitCode : 0)}:\n{Text(output)}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet: the start-up tasks run before Kestrel starts.
            }

            Assert.True(DateTime.UtcNow < deadline, $"The process on {address} did not answer /health within three minutes:\n{Text(output)}");
            await Task.Delay(250);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
