namespace Sessions.E2E.Infrastructure;

/// <summary>
/// A browser test: skipped with a clear message where Debian's Chromium is not installed, except on CI
/// (CI=true) where a missing browser must fail the build rather than hide the tests.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string MissingMessage = "Chromium not found at /usr/bin/chromium: apt-get install chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !IsCi)
        {
            Skip = MissingMessage;
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
