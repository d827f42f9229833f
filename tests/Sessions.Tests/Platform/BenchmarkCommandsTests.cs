using System.Diagnostics;

namespace Sessions.Tests.Platform;

/// <summary>
/// The benchmark tool (built with the solution) explains itself and never wipes a folder nobody named. It is run as
/// a process: its commands seed and load large data, so nothing here may reach them.
/// </summary>
public sealed class BenchmarkCommandsTests
{
    private static readonly string[] _commands =
        ["seed", "load", "bulk-approve", "queue-notice", "deliver", "live-display", "fan-out", "word-count", "report-writer", "published-statements", "door", "photo", "attendance-report", "documents"];

    public static TheoryData<string> Commands() => new(_commands);

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_prints_its_usage_with_help_and_does_nothing_else(string command)
    {
        var (exitCode, output, _) = await RunAsync(command, "--help");

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"Usage: {command}", output.TrimStart());
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("bulk-approve")]
    [InlineData("queue-notice")]
    [InlineData("attendance-report")]
    public async Task A_command_that_changes_a_data_directory_refuses_to_run_without_one(string command)
    {
        var (exitCode, _, errors) = await RunAsync(command);

        Assert.Equal(2, exitCode);
        Assert.Contains("--data-dir is required.", errors);
        Assert.Contains($"Usage: {command} --data-dir DIR", errors);
    }

    [Fact]
    public async Task A_mistyped_option_is_refused_instead_of_falling_back_to_a_default()
    {
        var (exitCode, _, errors) = await RunAsync("seed", "--data-diir", "/tmp/somewhere");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown option --data-diir.", errors);
    }

    [Fact]
    public async Task Without_a_command_the_tool_lists_every_command()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.All(_commands, command => Assert.Contains($"  {command} ", output));
        Assert.Equal(2, (await RunAsync()).ExitCode);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        // The same configuration as this test assembly: bin/<Configuration>/<framework>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tool = Path.Combine(Infrastructure.RepositoryPaths.Root, "tests", "Sessions.Benchmarks", "bin", here.Parent!.Name, here.Name, "Sessions.Benchmarks.dll");
        Assert.True(File.Exists(tool), $"{tool} is missing: build tests/Sessions.Tests (it builds the tool).");
        // An older build could take these arguments for a run on its default data folder.
        var source = Path.Combine(Infrastructure.RepositoryPaths.Root, "tests", "Sessions.Benchmarks", "Program.cs");
        Assert.True(File.GetLastWriteTimeUtc(tool) >= File.GetLastWriteTimeUtc(source), $"{tool} is older than its source: build Sessions.sln first.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
