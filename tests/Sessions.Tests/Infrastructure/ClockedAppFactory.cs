using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Tests.Notices;

namespace Sessions.Tests.Infrastructure;

/// <summary>The real app whose "now" is a <see cref="ManualTimeProvider"/> the test moves (deadlines, due reminders).</summary>
public sealed class ClockedAppFactory : SessionsAppFactory
{
    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
