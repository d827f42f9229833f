namespace Sessions.Tests.Infrastructure;

/// <summary>The app started with Sessions:SeedDemo=true, for tests that read the demo data.</summary>
public sealed class DemoAppFactory : SessionsAppFactory
{
    public DemoAppFactory()
    {
        SeedDemo = true;
    }
}
