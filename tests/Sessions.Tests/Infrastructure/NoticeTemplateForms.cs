using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Notices;

namespace Sessions.Tests.Infrastructure;

/// <summary>The template editor's form as a browser sends it: the six languages, each with the version the page showed.</summary>
public static class NoticeTemplateForms
{
    /// <summary>
    /// The fields of /notices/templates/{kind} as a page opened now would post them, with <paramref name="language"/>
    /// set to <paramref name="subject"/> and <paramref name="body"/>; the other languages as saved (a language without
    /// a row is sent empty: its built-in wording).
    /// </summary>
    public static async Task<List<KeyValuePair<string, string>>> TemplateFieldsAsync(
        this SessionsAppFactory factory, NoticeKind kind, string language, string subject, string body)
    {
        var saved = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().NoticeTemplates.AsNoTracking()
            .Where(t => t.Kind == kind.Key).ToListAsync());
        var fields = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < Languages.All.Count; i++)
        {
            var code = Languages.All[i];
            var row = saved.FirstOrDefault(t => t.Language == code);
            var isTarget = code == language;
            fields.Add(new($"Languages[{i}].Language", code));
            fields.Add(new($"Languages[{i}].Subject", isTarget ? subject : row?.Subject ?? ""));
            fields.Add(new($"Languages[{i}].Body", isTarget ? body : row?.Body ?? ""));
            fields.Add(new($"Languages[{i}].Version", row?.Version.ToString() ?? ""));
        }

        return fields;
    }

    public static Task<NoticeTemplate?> SavedTemplateAsync(this SessionsAppFactory factory, NoticeKind kind, string language) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().NoticeTemplates.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Kind == kind.Key && t.Language == language));
}
