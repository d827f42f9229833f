using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Common;
using Sessions.Core.Notices;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Notices.Campaigns;

/// <summary>Bulk notices through the real host: the audience, the preview, sending once, the progress and the refusals.</summary>
public sealed class CampaignTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static string[] Lower(IEnumerable<string> addresses) => addresses.Select(a => a.ToLowerInvariant()).Distinct().Order().ToArray();

    private async Task<HttpClient> SecretariatAsync()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    [Fact]
    public async Task Without_filters_the_audience_is_every_focal_point_and_participant_once_by_address()
    {
        var scenario = await CampaignAudienceScenario.CreateAsync(factory);
        var client = await SecretariatAsync();

        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, scenario.SessionId));

        var expected = Lower(scenario.FocalPoints.Concat(scenario.Participants));
        Assert.Equal(12, expected.Length);
        Assert.Equal(expected, Lower(await factory.AudienceAddressesAsync(id)));
        Assert.Equal(expected.Length, (await factory.AudienceAddressesAsync(id)).Count);
        Assert.Equal(expected.Length, await client.ShownAudienceCountAsync(id));
    }

    [Fact]
    public async Task Each_filter_narrows_the_audience()
    {
        var s = await CampaignAudienceScenario.CreateAsync(factory);
        var client = await SecretariatAsync();

        async Task<string[]> AudienceAsync(List<KeyValuePair<string, string>> fields) =>
            Lower(await factory.AudienceAddressesAsync(await client.ComposeCampaignAsync(fields)));

        Assert.Equal(
            Lower([s.ObserverFocalPoint, s.ObserverParticipant]),
            await AudienceAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, capacities: ["ObserverState"])));
        Assert.Equal(
            Lower([s.UnFocalPoint, s.UnParticipant, s.IgoFocalPoint, s.IgoParticipant]),
            await AudienceAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, capacities: ["UnSystem", "IntergovernmentalOrganisation"])));
        Assert.Equal(
            Lower([s.MemberFocalPoint, .. s.MemberParticipants, s.IgoFocalPoint, s.IgoParticipant]),
            await AudienceAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, delegationStatuses: ["Approved"])));
        Assert.Equal(
            Lower([s.NgoWaitlisted]),
            await AudienceAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, recipients: "Participants", participantStatuses: ["Waitlisted"])));
        Assert.Equal(
            Lower([.. s.MemberParticipants, s.IgoParticipant]),
            await AudienceAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, recipients: "Participants", participantStatuses: ["Approved"])));
        Assert.Equal(
            Lower([s.NgoFocalPoint, s.NgoParticipant, s.NgoWaitlisted]),
            await AudienceAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, categories: ["NonGovernmentalOrganisation"])));
        Assert.Equal(
            Lower(s.FocalPoints),
            await AudienceAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, recipients: "FocalPoints")));
        Assert.Equal(
            Lower(s.Participants),
            await AudienceAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, recipients: "Participants")));
        // Filters combine: approved member delegations' focal points only.
        Assert.Equal(
            Lower([s.MemberFocalPoint]),
            await AudienceAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, recipients: "FocalPoints", capacities: ["Member"], delegationStatuses: ["Approved"])));
    }

    [Fact]
    public async Task The_count_shown_before_sending_is_the_number_of_messages_queued_each_address_once()
    {
        var s = await CampaignAudienceScenario.CreateAsync(factory);
        var client = await SecretariatAsync();
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId));
        var shown = await client.ShownAudienceCountAsync(id);

        var response = await client.SendCampaignNowAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var campaign = await factory.WaitForCampaignAsync(id, CampaignStatus.Queued);
        var rows = await factory.CampaignRowsAsync(id);
        Assert.Equal(12, shown);
        Assert.Equal(shown, campaign.RecipientCount);
        Assert.Equal(shown, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.ToAddress.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(Lower(s.FocalPoints.Concat(s.Participants)), Lower(rows.Select(r => r.ToAddress)));
        Assert.All(rows, r => Assert.Equal(NoticeKinds.FreeForm.Key, r.Kind));
    }

    [Fact]
    public async Task Each_recipient_gets_the_text_in_their_language_and_english_where_it_was_left_blank()
    {
        var s = await CampaignAudienceScenario.CreateAsync(factory);
        var client = await SecretariatAsync();
        var texts = new Dictionary<string, (string, string)>
        {
            [Languages.English] = ("{SessionSymbol}: change of room", "Dear {RecipientName},\n\nThe room has changed ({OrganisationName})."),
            [Languages.French] = ("{SessionSymbol} : changement de salle", "Madame, Monsieur {RecipientName},\n\nLa salle a changé ({OrganisationName})."),
        };
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, recipients: "Participants", capacities: ["Member"], texts: texts));

        // The preview for a chosen recipient is in their language.
        var page = await client.GetStringAsync($"/notices/campaigns/{id}?to={Uri.EscapeDataString(s.MemberParticipants[0])}");
        Assert.Contains("changement de salle", page);
        Assert.Contains("Madame, Monsieur Amélie Dupré,", page);
        Assert.Contains("<div class=\"border rounded p-3 mb-3 preview-html\" lang=\"fr\" dir=\"ltr\"><p>Madame, Monsieur Amélie Dupré,</p>", page);
        var chinese = await client.GetStringAsync($"/notices/campaigns/{id}?to={Uri.EscapeDataString(s.MemberParticipants[1])}");
        Assert.Contains("change of room", chinese);
        Assert.Contains("Dear Li Hua,", chinese);

        await client.SendCampaignNowAsync(id);
        await factory.WaitForCampaignAsync(id, CampaignStatus.Queued);
        var rows = await factory.CampaignRowsAsync(id);
        var french = rows.Single(r => r.ToAddress == s.MemberParticipants[0]);
        Assert.Equal("fr", french.Language);
        Assert.EndsWith(": changement de salle", french.Subject, StringComparison.Ordinal);
        Assert.Contains("Member State", french.TextBody);
        var english = rows.Single(r => r.ToAddress == s.MemberParticipants[1]);
        Assert.Equal("en", english.Language);
        Assert.EndsWith(": change of room", english.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_twice_queues_the_notice_once()
    {
        var s = await CampaignAudienceScenario.CreateAsync(factory);
        var client = await SecretariatAsync();
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId));
        var (token, version) = await client.ReadFormAsync($"/notices/campaigns/{id}");
        var form = new Dictionary<string, string> { ["Version"] = version, ["__RequestVerificationToken"] = token, ["confirmed"] = "true" };

        // A double click: two posts of the same form, at the same time.
        var responses = await Task.WhenAll(
            client.PostAsync($"/notices/campaigns/{id}/send", new FormUrlEncodedContent(form)),
            client.PostAsync($"/notices/campaigns/{id}/send", new FormUrlEncodedContent(form)));
        var again = await client.PostAsync($"/notices/campaigns/{id}/send", new FormUrlEncodedContent(form));

        Assert.All(responses.Append(again), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var campaign = await factory.WaitForCampaignAsync(id, CampaignStatus.Queued);
        // Let any second job run its course before counting.
        await factory.InScopeAsync(sp => sp.GetRequiredService<Sessions.Web.Features.Notices.Campaigns.QueueCampaign.Handler>().QueueAsync(id, CancellationToken.None));
        var rows = await factory.CampaignRowsAsync(id);
        Assert.Equal(12, rows.Count);
        Assert.Equal(campaign.RecipientCount, rows.Count);
        var page = await client.GetStringAsync($"/notices/campaigns/{id}");
        Assert.DoesNotContain($"/notices/campaigns/{id}/send", page);
    }

    [Fact]
    public async Task An_empty_audience_is_refused_before_sending()
    {
        var s = await CampaignAudienceScenario.CreateAsync(factory);
        var client = await SecretariatAsync();
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, categories: ["Foundation"]));

        var page = await client.GetStringAsync($"/notices/campaigns/{id}");
        Assert.Contains("Nobody is in this audience", page);
        var response = await client.SendCampaignNowAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetStringAsync($"/notices/campaigns/{id}");
        Assert.Contains("alert-danger", after);
        Assert.Equal(CampaignStatus.Draft, (await factory.CampaignAsync(id)).Status);
        Assert.Empty(await factory.CampaignRowsAsync(id));
    }

    [Theory]
    [InlineData("", "Bonjour {RecipientName}", "Français: A notice needs a subject.")]
    [InlineData("Avis {SessionSymbol}", "Bonjour {RecipientName}, voir {Agenda}", "Français: Unknown placeholder: {Agenda}.")]
    public async Task A_refused_text_keeps_everything_typed(string frenchSubject, string frenchBody, string error)
    {
        var s = await CampaignAudienceScenario.CreateAsync(factory);
        var client = await SecretariatAsync();
        var texts = new Dictionary<string, (string, string)>
        {
            [Languages.English] = ("Typed subject kept", "Typed English body kept {RecipientName}"),
            [Languages.French] = (frenchSubject, frenchBody),
        };
        var before = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.NoticeCampaigns));

        var response = await client.PostFormAsync("/notices/campaigns/new", CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, capacities: ["IntergovernmentalOrganisation"], texts: texts), "/notices/campaigns/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(error, html);
        Assert.Contains("Typed subject kept", html);
        Assert.Contains("Typed English body kept {RecipientName}", html);
        Assert.Contains(frenchBody, html);
        Assert.Matches("value=\"IntergovernmentalOrganisation\" id=\"capacity-IntergovernmentalOrganisation\" checked=\"checked\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.NoticeCampaigns)));
    }

    [Fact]
    public async Task The_progress_endpoint_counts_the_campaigns_messages_until_all_are_sent()
    {
        var s = await CampaignAudienceScenario.CreateAsync(factory);
        var client = await SecretariatAsync();
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, recipients: "FocalPoints"));
        await client.SendCampaignNowAsync(id);
        await factory.WaitForCampaignAsync(id, CampaignStatus.Queued);

        var page = await client.GetStringAsync($"/notices/campaigns/{id}");
        Assert.Contains($"data-progress-url=\"/notices/campaigns/{id}/progress\"", page);
        Assert.Contains("<progress", page);
        Assert.Contains("/js/campaigns.js", page);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement progress;
        while (true)
        {
            var response = await client.GetAsync($"/notices/campaigns/{id}/progress");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            progress = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(5, progress.GetProperty("recipients").GetInt32());
            Assert.Equal(5, progress.GetProperty("pending").GetInt32() + progress.GetProperty("sending").GetInt32() + progress.GetProperty("sent").GetInt32() + progress.GetProperty("failed").GetInt32());
            if (progress.GetProperty("finished").GetBoolean() || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal("Queued", progress.GetProperty("status").GetString());
        Assert.Equal(5, progress.GetProperty("sent").GetInt32());
        Assert.Equal(5, progress.GetProperty("done").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/notices/campaigns/999999/progress")).StatusCode);
    }

    [Fact]
    public async Task The_delivery_log_filters_by_campaign()
    {
        var s = await CampaignAudienceScenario.CreateAsync(factory);
        var client = await SecretariatAsync();
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, capacities: ["ObserverState"]));
        await client.SendCampaignNowAsync(id);
        await factory.WaitForCampaignAsync(id, CampaignStatus.Queued);

        var log = await client.GetStringAsync($"/notices?campaign={id}");

        Assert.Contains("2 results", log);
        Assert.Contains(s.ObserverFocalPoint, log);
        Assert.Contains(s.ObserverParticipant, log);
        Assert.DoesNotContain(s.IgoFocalPoint, log);
    }

    [Fact]
    public async Task A_focal_point_cannot_reach_any_campaign_route()
    {
        var s = await CampaignAudienceScenario.CreateAsync(factory);
        var secretariat = await SecretariatAsync();
        var id = await secretariat.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId));
        var organisationId = await factory.AddOrganisationAsync("Focal point's own " + Guid.NewGuid().ToString("N")[..6], Core.Organisations.OrganisationCategory.NonGovernmentalOrganisation);
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, organisationId);

        foreach (var url in new[] { "/notices/campaigns", "/notices/campaigns/new", $"/notices/campaigns/{id}", $"/notices/campaigns/{id}/edit", $"/notices/campaigns/{id}/progress" })
        {
            await focalPoint.AssertForbiddenAsync(url);
        }

        var token = await focalPoint.GetAntiforgeryTokenAsync("/account/change-password");
        foreach (var action in new[] { "send", "schedule", "cancel", "resend-failed", "edit" })
        {
            var response = await focalPoint.PostAsync($"/notices/campaigns/{id}/{action}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            await focalPoint.AssertForbiddenAsync(response);
        }

        Assert.Equal(CampaignStatus.Draft, (await factory.CampaignAsync(id)).Status);
    }

    [Fact]
    public async Task A_campaign_is_audited()
    {
        var s = await CampaignAudienceScenario.CreateAsync(factory);
        var client = await SecretariatAsync();
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, recipients: "FocalPoints"));
        await client.SendCampaignNowAsync(id);
        await factory.WaitForCampaignAsync(id, CampaignStatus.Queued);

        var entries = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(e => e.EntityType == nameof(NoticeCampaign) && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(e => e.Id)));

        Assert.Equal("Added", entries[0].Action);
        Assert.Contains(entries, e => e.Changes.Contains("\"Queuing\"", StringComparison.Ordinal) && e.UserId != null);
        Assert.Contains(entries, e => e.Changes.Contains("\"Queued\"", StringComparison.Ordinal) && e.Changes.Contains("RecipientCount", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draft_is_changed_with_its_version_and_a_sent_notice_no_longer()
    {
        var s = await CampaignAudienceScenario.CreateAsync(factory);
        var client = await SecretariatAsync();
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId));
        var (_, staleVersion) = await client.ReadFormAsync($"/notices/campaigns/{id}/edit");

        var edit = CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, recipients: "FocalPoints");
        var response = await PostEditAsync(client, id, edit);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CampaignRecipients.FocalPoints, (await factory.CampaignAsync(id)).Recipients);

        // A second tab still holding the old version is told, and changes nothing.
        var token = await client.GetAntiforgeryTokenAsync($"/notices/campaigns/{id}/edit");
        var stale = CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, s.SessionId, recipients: "Participants");
        stale.Add(new("Version", staleVersion));
        stale.Add(new("__RequestVerificationToken", token));
        var conflict = await client.PostAsync($"/notices/campaigns/{id}/edit", new FormUrlEncodedContent(stale));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Someone else changed this record", await conflict.Content.ReadAsStringAsync());
        Assert.Equal(CampaignRecipients.FocalPoints, (await factory.CampaignAsync(id)).Recipients);

        await client.SendCampaignNowAsync(id);
        await factory.WaitForCampaignAsync(id, CampaignStatus.Queued);
        var late = await PostEditAsync(client, id, edit);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Only a draft can be changed.", await late.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the edit form with the version and token the edit page carries now.</summary>
    private static async Task<HttpResponseMessage> PostEditAsync(HttpClient client, int id, List<KeyValuePair<string, string>> fields)
    {
        var (token, version) = await client.ReadFormAsync($"/notices/campaigns/{id}/edit");
        return await client.PostAsync($"/notices/campaigns/{id}/edit", new FormUrlEncodedContent([.. fields, new("Version", version), new("__RequestVerificationToken", token)]));
    }
}
