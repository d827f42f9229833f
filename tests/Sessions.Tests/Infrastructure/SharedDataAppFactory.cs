using Microsoft.AspNetCore.Hosting;

namespace Sessions.Tests.Infrastructure;

/// <summary>
/// The real app on a data directory the test owns, so that a second host can start on the same database
/// after the first one stopped (a restart). The test deletes the directory.
/// </summary>
public sealed class SharedDataAppFactory(string dataDirectory) : SessionsAppFactory
{
    public string SharedDataDirectory { get; } = dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sessions:DataDirectory", SharedDataDirectory);
    }
}
