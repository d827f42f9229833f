namespace Sessions.Web.Infrastructure;

/// <summary>The resolved data directory (SQLite file, stored files, mail pickup folder).</summary>
public sealed record DataDirectory(string Path)
{
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
