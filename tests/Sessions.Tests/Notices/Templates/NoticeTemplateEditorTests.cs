using System.Net;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Notices;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Infrastructure.Email;

namespace Sessions.Tests.Notices.Templates;

/// <summary>The secretariat's template editor at /notices/templates: what it saves is what the next notice says.</summary>
public sealed class NoticeTemplateEditorTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static string EditUrl(NoticeKind kind) => $"/notices/templates/{kind.Key}";

    private async Task<HttpClient> SecretariatAsync()
    {
        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    private async Task<HttpResponseMessage> SaveAsync(HttpClient client, NoticeKind kind, List<KeyValuePair<string, string>> fields) =>
        await client.PostFormAsync(EditUrl(kind), fields, EditUrl(kind));

    private async Task<OutboundEmail> PasswordNoticeAsync(string language)
    {
        var email = AccountTestData.NewEmail("password-" + language);
        await factory.CreateUserAsync(email, "a-long-test-password", Roles.FocalPoint, language);
        var client = factory.CreateBrowser(language);
        await client.SignInAsync(email, "a-long-test-password");
        var changed = await client.PostFormAsync("/account/change-password", new { CurrentPassword = "a-long-test-password", NewPassword = "my-new-long-password", ConfirmNewPassword = "my-new-long-password" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        return Assert.Single(await factory.NoticesToAsync(email), n => n.Kind == NoticeKinds.AccountPasswordChanged.Key);
    }

    [Fact]
    public async Task An_edited_french_subject_is_in_the_next_notice_to_a_french_user_and_english_keeps_the_built_in_one()
    {
        var kind = NoticeKinds.AccountPasswordChanged;
        var client = await SecretariatAsync();

        var saved = await SaveAsync(client, kind, await factory.TemplateFieldsAsync(kind, Languages.French,
            "Sessions : votre mot de passe a changé",
            "Bonjour {RecipientName},\n\nVotre mot de passe a changé. Sinon, écrivez à la Division des conférences.\n\nLe secrétariat"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await factory.SavedTemplateAsync(kind, Languages.French);
        Assert.NotNull(row);
        Assert.Null(await factory.SavedTemplateAsync(kind, Languages.English));
        var audited = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(NoticeTemplate) && a.EntityId == row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Contains(audited, a => a.Action == "Added" && a.Changes.Contains("\"Subject\":[null,\"Sessions : votre mot de passe", StringComparison.Ordinal));

        var french = await PasswordNoticeAsync(Languages.French);
        Assert.Equal("Sessions : votre mot de passe a changé", french.Subject);
        Assert.Contains("Sinon, écrivez à la Division des conférences.", french.TextBody);
        Assert.Contains("<p>Votre mot de passe a changé. Sinon, écrivez à la Division des conférences.</p>", french.HtmlBody);

        var english = await PasswordNoticeAsync(Languages.English);
        Assert.Equal("Your password has been changed", english.Subject);

        var list = await client.GetPageTextAsync("/notices/templates");
        Assert.Matches("data-kind=\"account.password-changed\"(?:(?!</tr>).)*The secretariat's wording(?:(?!</tr>).)*Français", list.ReplaceLineEndings(" "));
    }

    [Fact]
    public async Task An_unknown_placeholder_is_refused_on_its_languages_field_and_what_was_typed_is_kept()
    {
        var kind = NoticeKinds.AccountDeactivated;
        var client = await SecretariatAsync();

        var refused = await SaveAsync(client, kind, await factory.TemplateFieldsAsync(kind, Languages.Spanish,
            "Cuenta desactivada en {SessionSymbol}", "Estimado/a {RecipientName}:\n\nSu cuenta, texto tecleado a mano."));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.PageTextAsync();
        Assert.Contains("Unknown placeholder: {SessionSymbol}. This notice can use: {RecipientName}, {RecipientEmail}.", page);
        Assert.Contains("value=\"Cuenta desactivada en {SessionSymbol}\"", page);
        Assert.Contains("Su cuenta, texto tecleado a mano.", page);
        // The message sits on the Spanish subject (the sixth language), not on another field.
        Assert.Matches("data-valmsg-for=\"Languages\\[5\\]\\.Subject\"[^>]*>Unknown placeholder", page);
        Assert.Null(await factory.SavedTemplateAsync(kind, Languages.Spanish));
    }

    [Fact]
    public async Task A_template_without_a_subject_is_refused()
    {
        var kind = NoticeKinds.AccountReactivated;
        var client = await SecretariatAsync();

        var refused = await SaveAsync(client, kind, await factory.TemplateFieldsAsync(kind, Languages.Russian, " ", "Уважаемый(ая) {RecipientName}!\n\nТекст без темы."));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.PageTextAsync();
        Assert.Matches("data-valmsg-for=\"Languages\\[4\\]\\.Subject\"[^>]*>A notice needs a subject.", page);
        Assert.Contains("Текст без темы.", page);
        Assert.Null(await factory.SavedTemplateAsync(kind, Languages.Russian));
    }

    [Fact]
    public async Task Restoring_the_built_in_wording_deletes_the_saved_one_and_saving_the_built_in_text_stores_nothing()
    {
        var kind = NoticeKinds.AccreditationGranted;
        var client = await SecretariatAsync();

        var chinese = NoticeTemplateStore.LoadBuiltIn(Path.Combine(RepositoryPaths.Root, "src", "Sessions.Web", "Resources", "NoticeTemplates"))[kind.Key][Languages.Chinese];
        var builtIn = await SaveAsync(client, kind, await factory.TemplateFieldsAsync(kind, Languages.Chinese, chinese.Subject, chinese.Body.Replace("\n", "\r\n", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, builtIn.StatusCode);
        Assert.Null(await factory.SavedTemplateAsync(kind, Languages.Chinese));

        var saved = await SaveAsync(client, kind, await factory.TemplateFieldsAsync(kind, Languages.Chinese, "认证通知：{OrganisationName}", "{RecipientName}：\n\n已授予。"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await factory.SavedTemplateAsync(kind, Languages.Chinese);
        Assert.NotNull(row);
        Assert.Contains("Restore the built-in wording", await client.GetPageTextAsync(EditUrl(kind)));

        var restored = await client.PostFormAsync($"{EditUrl(kind)}/restore", new { language = Languages.Chinese, version = row.Version }, EditUrl(kind));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Null(await factory.SavedTemplateAsync(kind, Languages.Chinese));
        var page = await client.GetPageTextAsync(EditUrl(kind));
        Assert.Contains(chinese.Subject, page);
        Assert.DoesNotContain("认证通知", page);

        // Clearing a language's fields goes back to the built-in wording too.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(client, kind, await factory.TemplateFieldsAsync(kind, Languages.Chinese, "认证通知：{OrganisationName}", "{RecipientName}：\n\n已授予。"))).StatusCode);
        Assert.NotNull(await factory.SavedTemplateAsync(kind, Languages.Chinese));
        var cleared = await SaveAsync(client, kind, await factory.TemplateFieldsAsync(kind, Languages.Chinese, "", ""));
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null(await factory.SavedTemplateAsync(kind, Languages.Chinese));
    }

    [Fact]
    public async Task A_save_over_a_version_someone_else_changed_is_refused_with_their_text_shown()
    {
        var kind = NoticeKinds.FocalPointRejected;
        var mine = await SecretariatAsync();
        var theirs = await SecretariatAsync();

        // Both opened the page while French had its built-in wording; they save first.
        var opened = await factory.TemplateFieldsAsync(kind, Languages.French, "Ma version : {OrganisationName}", "{RecipientName},\n\nMa version.");
        var first = await SaveAsync(theirs, kind, await factory.TemplateFieldsAsync(kind, Languages.French, "Leur version : {OrganisationName}", "{RecipientName},\n\nLeur version."));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var conflict = await SaveAsync(mine, kind, opened);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await conflict.PageTextAsync();
        Assert.Contains("Someone else changed this record while you were editing it.", page);
        Assert.Contains("Leur version : {OrganisationName}", page);
        Assert.Equal("Leur version : {OrganisationName}", (await factory.SavedTemplateAsync(kind, Languages.French))!.Subject);

        // Saving again over the version now shown, with a stale version for a row that changed since, is refused too.
        var current = (await factory.SavedTemplateAsync(kind, Languages.French))!;
        var stale = await factory.TemplateFieldsAsync(kind, Languages.French, "Ma version : {OrganisationName}", "{RecipientName},\n\nMa version.");
        await SaveAsync(theirs, kind, await factory.TemplateFieldsAsync(kind, Languages.French, "Leur deuxième version", "{RecipientName},\n\nEncore."));
        Assert.NotEqual(current.Version, (await factory.SavedTemplateAsync(kind, Languages.French))!.Version);
        Assert.Contains("Someone else changed this record", await (await SaveAsync(mine, kind, stale)).PageTextAsync());
        Assert.Equal("Leur deuxième version", (await factory.SavedTemplateAsync(kind, Languages.French))!.Subject);
    }

    [Fact]
    public async Task The_preview_renders_the_typed_text_for_a_participant_in_their_language_with_their_session_and_organisation()
    {
        var kind = NoticeKinds.ParticipantInvitation;
        var scenario = await factory.StartDelegationAsync();
        var email = DelegationBuilders.NewEmail("preview");
        Assert.Equal(HttpStatusCode.Redirect, (await scenario.Client.NominateAsync(scenario.DelegationId, email, "Amina", "Diallo", language: Languages.French)).StatusCode);
        var (symbol, organisation) = await factory.WithDbAsync(async db => (
            await db.Sessions.Where(s => s.Id == scenario.SessionId).Select(s => s.Symbol).SingleAsync(),
            await db.Organisations.Where(o => o.Id == scenario.OrganisationId).Select(o => o.Name).SingleAsync()));
        var client = await SecretariatAsync();

        var fields = await factory.TemplateFieldsAsync(kind, Languages.French,
            "Aperçu : {SessionSymbol} pour {RecipientName}", "Bonjour {RecipientName},\n\n{OrganisationName} vous a désignée.\n\nConfirmez ici : {ConfirmLink}");
        fields.Add(new("PreviewEmail", email));
        fields.Add(new("PreviewSessionId", ""));
        var preview = await client.PostFormAsync($"{EditUrl(kind)}/preview", fields, EditUrl(kind));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await preview.PageTextAsync();
        Assert.Contains($"Aperçu : {symbol} pour Amina Diallo", page);
        Assert.Contains($"<p>{organisation} vous a désignée.</p>", page);
        Assert.Matches("<p>Confirmez ici : <a href=\"http[^\"]+\">", page);
        Assert.Contains("Confirmez ici : http", page);
        Assert.Contains("Sample values (the real ones are filled in when the notice is sent): {ConfirmLink}", page);
        Assert.Contains("value=\"Aperçu : {SessionSymbol} pour {RecipientName}\"", page);
        Assert.Null(await factory.SavedTemplateAsync(kind, Languages.French));
    }

    [Fact]
    public async Task The_preview_for_an_account_uses_their_language_and_says_when_no_recipient_has_the_address()
    {
        var kind = NoticeKinds.FocalPointApproved;
        var organisation = await factory.CreateOrganisationAsync("Réseau des villes " + OrganisationSeeding.UniqueToken());
        var focalPoint = await factory.CreateBrowser("es").SignInAsFocalPointOfAsync(factory, organisation.Id, language: Languages.Spanish);
        var client = await SecretariatAsync();

        var fields = await factory.TemplateFieldsAsync(kind, Languages.English, "Approved for {OrganisationName}", "Dear {RecipientName},\n\nApproved.");
        fields.Add(new("PreviewEmail", focalPoint.Email!));
        var page = await (await client.PostFormAsync($"{EditUrl(kind)}/preview", fields, EditUrl(kind))).PageTextAsync();
        Assert.Contains($"Su solicitud para actuar en nombre de {organisation.Name} ha sido aprobada", page);
        Assert.Contains($"Estimado/a {focalPoint.FullName}:", page);

        fields[^1] = new("PreviewEmail", "nobody-" + Guid.NewGuid().ToString("N") + "@example.org");
        var missing = await (await client.PostFormAsync($"{EditUrl(kind)}/preview", fields, EditUrl(kind))).PageTextAsync();
        Assert.Contains("No account or participant has the address nobody-", missing);
    }

    [Fact]
    public async Task A_focal_point_cannot_open_the_template_editor()
    {
        var organisationId = await factory.AddOrganisationAsync("Focal " + OrganisationSeeding.UniqueToken(), Sessions.Core.Organisations.OrganisationCategory.NonGovernmentalOrganisation);
        var client = factory.CreateBrowser("en");
        await client.SignInAsFocalPointOfAsync(factory, organisationId);

        await client.AssertForbiddenAsync("/notices/templates");
        await client.AssertForbiddenAsync(EditUrl(NoticeKinds.AccountConfirm));
    }

    [Fact]
    public async Task The_list_shows_every_kind_by_family_with_its_name()
    {
        var client = await SecretariatAsync();

        var page = await client.GetPageTextAsync("/notices/templates");

        Assert.Contains("Accreditation granted", page);
        Assert.Contains("Reminder: opening of the session", page);
        Assert.All(NoticeKinds.All, kind => Assert.Contains($"href=\"/notices/templates/{kind.Key}\"", page));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/notices/templates/no.such-kind")).StatusCode);
    }
}
