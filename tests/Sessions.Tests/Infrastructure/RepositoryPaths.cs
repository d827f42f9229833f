namespace Sessions.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The checkout's root: the folder that holds Sessions.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Sessions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Sessions.sln not found above " + AppContext.BaseDirectory);
    }
}
