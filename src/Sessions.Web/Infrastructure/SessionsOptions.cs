namespace Sessions.Web.Infrastructure;

/// <summary>The "Sessions" configuration section (its PublicUrl is read once, at start-up, by <see cref="PublicLinks"/>).</summary>
public sealed class SessionsOptions
{
    public const string Section = "Sessions";

    /// <summary>Where the SQLite file, stored files and the mail pickup folder live; relative to the content root.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Loads the demo bodies, sessions and organisations into an empty database.</summary>
    public bool SeedDemo { get; set; }

    public AdminOptions Admin { get; set; } = new();

    /// <summary>Days after a session closes before its grounds-pass photos and identity data are erased.</summary>
    public int IdentityRetentionDays { get; set; } = 30;

    public sealed class AdminOptions
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    public string ResolveDataDirectory(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory));
}
