using System.Text.RegularExpressions;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Platform;

/// <summary>
/// The form tag helper adds the antiforgery token to a POST form only when the form names no plain <c>action</c>:
/// a form with its own action must ask for the token, or the browser's POST is refused with 400.
/// </summary>
public sealed partial class FormAntiforgeryTests
{
    [Fact]
    public void Every_post_form_with_its_own_action_asks_for_the_antiforgery_token()
    {
        var views = Path.Combine(RepositoryPaths.Root, "src", "Sessions.Web", "Features");
        var missing = Directory.EnumerateFiles(views, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => FormTag().Matches(File.ReadAllText(file)).Select(tag => (file, tag: tag.Value)))
            .Where(f => PostMethod().IsMatch(f.tag) && PlainAction().IsMatch(f.tag) && !f.tag.Contains("asp-antiforgery=\"true\"", StringComparison.Ordinal))
            .Select(f => $"{Path.GetRelativePath(RepositoryPaths.Root, f.file)}: {f.tag}")
            .ToList();

        Assert.True(missing.Count == 0, "POST forms without the antiforgery token:\n" + string.Join('\n', missing));
    }

    [GeneratedRegex(@"<form\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex(@"\bmethod=""post""", RegexOptions.IgnoreCase)]
    private static partial Regex PostMethod();

    [GeneratedRegex(@"\saction=""", RegexOptions.IgnoreCase)]
    private static partial Regex PlainAction();
}
