using Sessions.Core.Common;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Email;
using Sessions.Web.Infrastructure.Localisation;

namespace Sessions.Tests.Notices.Templates;

/// <summary>Every kind of notice can be sent in every language, and the template editor can name it and its placeholders.</summary>
public sealed class BuiltInTemplateTests
{
    private static readonly string _resources = Path.Combine(RepositoryPaths.Root, "src", "Sessions.Web", "Resources");

    [Fact]
    public void Every_kind_has_built_in_wording_in_all_six_languages()
    {
        var builtIn = NoticeTemplateStore.LoadBuiltIn(Path.Combine(_resources, "NoticeTemplates"));
        var missing = NoticeKinds.All
            .SelectMany(kind => Languages.All
                .Where(l => !builtIn.TryGetValue(kind.Key, out var texts) || !texts.ContainsKey(l))
                .Select(l => $"{kind.Key}: {l}"))
            .ToList();
        Assert.True(missing.Count == 0, "Kinds without built-in wording:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_kind_has_a_name_and_every_placeholder_a_description_in_all_six_languages()
    {
        var strings = JsonStringLocalizer.Load(_resources);
        var keys = NoticeKinds.All.Select(k => "NoticeKind." + k.Key)
            .Concat(NoticeKinds.All.SelectMany(k => k.Allowed).Distinct().Select(p => "NoticePlaceholder." + p));
        var missing = keys
            .SelectMany(key => Languages.All
                .Where(l => !strings.TryGetValue(key, out var texts) || !texts.TryGetValue(l, out var text) || string.IsNullOrWhiteSpace(text))
                .Select(l => $"{key}: {l}"))
            .ToList();
        Assert.True(missing.Count == 0, "Missing in Resources/Templates.json:\n" + string.Join("\n", missing));
    }
}
