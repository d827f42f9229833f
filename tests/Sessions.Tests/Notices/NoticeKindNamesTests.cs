using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices;

/// <summary>A kind of notice is read by its name in the reader's language, never by its key ("participants.withdrawn").</summary>
public sealed partial class NoticeKindNamesTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static readonly string _key = NoticeKinds.ParticipantWithdrawn.Key;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    /// <summary>What a person reads: the page without its markup (links and form values carry the key, as they should).</summary>
    private static string Visible(string html) => WebUtility.HtmlDecode(Tag().Replace(html, " "));

    private async Task<HttpClient> SecretariatAsync(string language)
    {
        var client = factory.CreateBrowser(language);
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    [Theory]
    [InlineData("ar", "سحب الترشيح")]
    [InlineData("zh", "提名已撤回")]
    [InlineData("en", "Nomination withdrawn")]
    [InlineData("fr", "Désignation retirée")]
    [InlineData("ru", "Назначение отозвано")]
    [InlineData("es", "Designación retirada")]
    public async Task The_delivery_log_and_its_filter_name_the_kind_of_notice(string language, string name)
    {
        var address = $"kind-{language}-{Guid.NewGuid():N}@example.org";
        var id = await factory.InScopeAsync(async sp =>
        {
            var row = sp.GetRequiredService<NoticeWriter>().Queue(address, null, "en", NoticeKinds.ParticipantWithdrawn, []);
            await sp.GetRequiredService<SessionsDbContext>().SaveChangesAsync();
            return row.Id;
        });
        var client = await SecretariatAsync(language);

        var html = await client.GetStringAsync($"/notices?search={address}");

        var row = Regex.Match(html, $"<tr id=\"notice-{id}\">.*?</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "The notice is listed.");
        Assert.Contains(name, Visible(row.Value));
        Assert.DoesNotContain(_key, Visible(html));
        Assert.Matches($"<option value=\"{Regex.Escape(_key)}\"[^>]*>{Regex.Escape(name)}</option>", WebUtility.HtmlDecode(html));
    }

    [Theory]
    [InlineData("ar", "سحب الترشيح")]
    [InlineData("en", "Nomination withdrawn")]
    [InlineData("ru", "Назначение отозвано")]
    public async Task The_template_pages_name_the_kind_of_notice(string language, string name)
    {
        var client = await SecretariatAsync(language);

        var list = Visible(await client.GetStringAsync("/notices/templates"));
        var edit = Visible(await client.GetStringAsync($"/notices/templates/{_key}"));

        Assert.Contains(name, list);
        Assert.Contains(name, edit);
        Assert.All(NoticeKinds.All, kind => Assert.DoesNotContain(kind.Key, list));
        Assert.DoesNotContain(_key, edit);
    }

    [Theory]
    [InlineData("fr", "Avis libre")]
    [InlineData("es", "Aviso libre")]
    public async Task A_bulk_notice_is_named_by_its_kind(string language, string name)
    {
        var client = await SecretariatAsync(language);

        var compose = Visible(await client.GetStringAsync($"/notices/campaigns/new?kind={NoticeKinds.FreeForm.Key}"));

        Assert.Contains(name, compose);
        Assert.DoesNotContain(NoticeKinds.FreeForm.Key, compose);
    }
}
