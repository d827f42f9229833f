using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.FirstRun;

/// <summary>The app started as a newcomer starts it, in a process of its own, on a port another program holds.</summary>
public sealed class PortInUseTests
{
    [Fact]
    public async Task A_port_in_use_ends_the_start_with_one_line_naming_a_free_port_and_no_stack_trace()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sessions-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var project = Path.Combine(RepositoryPaths.Root, "src", "Sessions.Web");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = project,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[]
            {
                typeof(Program).Assembly.Location,
                "--urls", $"http://127.0.0.1:{port}",
                "--environment", "Testing",
                "--contentRoot", project,
                "--Sessions:DataDirectory", dataDirectory,
                "--Sessions:PublicUrl", "http://localhost",
                "--Sessions:Admin:Email", SessionsAppFactory.AdminEmail,
                "--Sessions:Admin:Password", SessionsAppFactory.AdminPassword,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var app = Process.Start(start)!;
            var output = app.StandardOutput.ReadToEndAsync();
            var error = app.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await app.WaitForExitAsync(timeout.Token);

            var everything = await output + await error;
            Assert.NotEqual(0, app.ExitCode);
            Assert.Matches($@"^port {port} is in use: start with `--urls http://localhost:\d+`\r?\n$", await error);
            Assert.DoesNotContain("   at ", everything);
        }
        finally
        {
            taken.Stop();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
