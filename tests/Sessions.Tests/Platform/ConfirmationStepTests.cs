using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;
using Sessions.Tests.Notices.Campaigns;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Platform;

/// <summary>
/// Every destructive or mass action asks first: its post without the confirmation changes nothing and answers a page
/// that says what will happen and to how many people; the form of that page acts; a second press does not act again;
/// a user who may not act gets the same 404 or 403 on the confirmation.
/// </summary>
public sealed partial class ConfirmationStepTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [GeneratedRegex("""<section class="confirmation".*?<form method="post" action="([^"]*)".*?</form>""", RegexOptions.Singleline)]
    private static partial Regex ConfirmationForm();

    [GeneratedRegex("""<input\b[^>]*>""")]
    private static partial Regex Input();

    [GeneratedRegex("""\b(name|value)="([^"]*)"\s*""")]
    private static partial Regex Attribute();

    /// <summary>Presses the confirmation page's button: posts its form, with the values it carries, as the browser would.</summary>
    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, HttpResponseMessage confirmation)
    {
        var html = await confirmation.Content.ReadAsStringAsync();
        var form = ConfirmationForm().Match(html);
        Assert.True(form.Success, "No confirmation form on the page:\n" + html);
        var fields = Input().Matches(form.Value)
            .Select(i => Attribute().Matches(i.Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value)))
            .Where(a => a.ContainsKey("name"))
            .Select(a => new KeyValuePair<string, string>(a["name"], a.GetValueOrDefault("value", "")))
            .ToList();
        return await client.PostAsync(WebUtility.HtmlDecode(form.Groups[1].Value), new FormUrlEncodedContent(fields));
    }

    private async Task<(DelegationScenario Scenario, string[] Nominees)> DelegationWithNomineesAsync(int count)
    {
        var scenario = await factory.StartDelegationAsync();
        var nominees = Enumerable.Range(1, count).Select(i => NewEmail($"nominee{i}")).ToArray();
        foreach (var email in nominees)
        {
            await scenario.Client.NominateAsync(scenario.DelegationId, email);
        }

        return (scenario, nominees);
    }

    private async Task<int> WithdrawalNoticesAsync(IEnumerable<string> addresses)
    {
        var count = 0;
        foreach (var address in addresses)
        {
            count += (await factory.NoticesToAsync(address)).Count(n => n.Kind == NoticeKinds.ParticipantWithdrawn.Key);
        }

        return count;
    }

    [Fact]
    public async Task Withdrawing_a_delegation_first_says_how_many_participants_will_be_emailed_and_changes_nothing()
    {
        var (scenario, nominees) = await DelegationWithNomineesAsync(3);
        var url = $"/delegations/{scenario.DelegationId}/withdraw";

        var asked = await scenario.Client.PostPageFormAsync(url, new { }, $"/delegations/{scenario.DelegationId}");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = await asked.PageTextAsync();
        Assert.Contains("Withdraw the delegation of", page);
        Assert.Contains("The 3 participants of this delegation will be told by email.", page);
        Assert.Contains($"action=\"{url}\"", await asked.Content.ReadAsStringAsync());
        Assert.Contains($"href=\"/delegations/{scenario.DelegationId}\"", await asked.Content.ReadAsStringAsync());
        var delegation = await factory.DelegationAsync(scenario.DelegationId);
        Assert.Equal(RegistrationStatus.Draft, delegation.Status);
        Assert.All(delegation.Participants, p => Assert.NotEqual(ParticipantStatus.Withdrawn, p.Status));
        Assert.Equal(0, await WithdrawalNoticesAsync(nominees));
    }

    [Fact]
    public async Task The_confirmation_withdraws_the_delegation_once_even_when_pressed_twice()
    {
        var (scenario, nominees) = await DelegationWithNomineesAsync(2);
        var asked = await scenario.Client.PostPageFormAsync($"/delegations/{scenario.DelegationId}/withdraw", new { }, $"/delegations/{scenario.DelegationId}");
        var html = await asked.Content.ReadAsStringAsync();

        var confirmed = await ConfirmAsync(scenario.Client, asked);
        var again = await ConfirmAsync(scenario.Client, new HttpResponseMessage { Content = new StringContent(html) });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(RegistrationStatus.Withdrawn, (await factory.DelegationAsync(scenario.DelegationId)).Status);
        Assert.Contains("Someone else changed this record", await again.PageTextAsync());
        Assert.Equal(2, await WithdrawalNoticesAsync(nominees));
    }

    [Fact]
    public async Task Withdrawing_one_participant_names_them_and_acts_only_when_confirmed()
    {
        var (scenario, nominees) = await DelegationWithNomineesAsync(1);
        var participant = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single();
        var url = $"/delegations/{scenario.DelegationId}/participants/{participant.Id}/withdraw";

        var asked = await scenario.Client.PostPageFormAsync(url, new { }, $"/delegations/{scenario.DelegationId}");

        Assert.Contains($"Amina Mohammed will be told by email at {nominees[0]}.", await asked.PageTextAsync());
        Assert.Equal(ParticipantStatus.Nominated, (await factory.ParticipantAsync(participant.Id)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(scenario.Client, asked)).StatusCode);
        Assert.Equal(ParticipantStatus.Withdrawn, (await factory.ParticipantAsync(participant.Id)).Status);
    }

    [Fact]
    public async Task Another_organisations_focal_point_gets_404_on_the_confirmation()
    {
        var (victim, _) = await DelegationWithNomineesAsync(1);
        var participant = (await factory.DelegationAsync(victim.DelegationId)).Participants.Single();
        var intruder = await factory.StartDelegationAsync();

        foreach (var url in new[] { $"/delegations/{victim.DelegationId}/withdraw", $"/delegations/{victim.DelegationId}/participants/{participant.Id}/withdraw" })
        {
            var response = await intruder.Client.PostPageFormAsync(url, new { }, $"/delegations/{intruder.DelegationId}");
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"POST {url}: {(int)response.StatusCode}");
        }

        Assert.Equal(RegistrationStatus.Draft, (await factory.DelegationAsync(victim.DelegationId)).Status);
    }

    [Fact]
    public async Task Approving_ticked_delegations_counts_what_will_be_decided_and_who_will_be_told()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 5, 12));
        var first = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync($"First {Guid.NewGuid():N}", "en", OrganisationCategory.NonGovernmentalOrganisation), Capacity.Stakeholder, RegistrationStatus.Submitted, [Nominee("Layla", "Haddad"), Nominee("Wei", "Zhang")]);
        var secondOrganisation = await factory.AddOrganisationAsync($"Second {Guid.NewGuid():N}", "en", OrganisationCategory.NonGovernmentalOrganisation);
        var second = await factory.AddDelegationAsync(sessionId, secondOrganisation, Capacity.Stakeholder, RegistrationStatus.Submitted, [Nominee("Ana", "Lopez")]);
        await factory.AddFocalPointAsync(secondOrganisation);
        var draft = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync($"Draft {Guid.NewGuid():N}", "en", OrganisationCategory.NonGovernmentalOrganisation), Capacity.Stakeholder, RegistrationStatus.Draft, [Nominee("Not", "Yet")]);
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var fields = new[] { first.Id, second.Id, draft.Id }.Select(id => new KeyValuePair<string, string>("ids", id.ToString(CultureInfo.InvariantCulture)))
            .Append(new("sessionId", sessionId.ToString(CultureInfo.InvariantCulture)));

        var asked = await client.PostFormAsync("/registrations/review/approve", fields, $"/registrations/review?sessionId={sessionId}");

        var page = await asked.PageTextAsync();
        Assert.Contains("Approve 2 delegations?", page);
        Assert.Contains("2 delegations will be approved.", page);
        Assert.Contains("3 participants holding a place will be approved", page);
        Assert.Contains("1 focal point will be told by email.", page);
        Assert.Contains("1 of the delegations chosen is not submitted and will be left as it is.", page);
        Assert.Equal(RegistrationStatus.Submitted, (await factory.DelegationAsync(first.Id)).Status);
        Assert.Equal(RegistrationStatus.Submitted, (await factory.DelegationAsync(second.Id)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, asked)).StatusCode);
        Assert.Equal(RegistrationStatus.Approved, (await factory.DelegationAsync(first.Id)).Status);
        Assert.Equal(RegistrationStatus.Approved, (await factory.DelegationAsync(second.Id)).Status);
        Assert.Equal(RegistrationStatus.Draft, (await factory.DelegationAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task Rejecting_a_delegation_repeats_the_reason_and_counts_the_participants_told_before_it_rejects()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 5, 12));
        var delegation = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync($"Rejected {Guid.NewGuid():N}", "en", OrganisationCategory.NonGovernmentalOrganisation), Capacity.Stakeholder, RegistrationStatus.Submitted, [Nominee("Layla", "Haddad")], waitlisted: [Nominee("Late", "Comer")]);
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var asked = await client.PostFormAsync($"/registrations/{delegation.Id}/reject", new { reason = "The letter is unsigned." }, $"/registrations/{delegation.Id}");

        var page = await asked.PageTextAsync();
        Assert.Contains("Reject 1 delegation?", page);
        Assert.Contains("2 participants, waitlisted included, will be rejected and told the reason by email.", page);
        Assert.Contains("The reason given: The letter is unsigned.", page);
        Assert.Equal(RegistrationStatus.Submitted, (await factory.DelegationAsync(delegation.Id)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, asked)).StatusCode);
        Assert.Equal(RegistrationStatus.Rejected, (await factory.DelegationAsync(delegation.Id)).Status);
    }

    [Fact]
    public async Task Closing_a_list_of_speakers_asks_first_and_a_delegate_is_refused_the_confirmation_too()
    {
        var list = await factory.AddConsoleListAsync(speakers: 3);
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var (token, version) = await client.ReadConsoleAsync(list);

        var asked = await client.PostAsync($"{list.ConsoleUrl}/close", new FormUrlEncodedContent([new("Version", version), new("__RequestVerificationToken", token)]));

        Assert.Contains("The 3 speakers waiting keep their place.", await asked.PageTextAsync());
        Assert.True((await factory.ConsoleListStateAsync(list.ListId)).IsOpen);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, asked)).StatusCode);
        Assert.False((await factory.ConsoleListStateAsync(list.ListId)).IsOpen);

        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsAsync(factory, Roles.FocalPoint);
        await focalPoint.AssertForbiddenAsync(await focalPoint.PostFormAsync($"{list.ConsoleUrl}/reopen", new { Version = version }, "/"));
        await focalPoint.AssertForbiddenAsync(await focalPoint.PostFormAsync($"{list.ConsoleUrl}/close", new { Version = version }, "/"));
    }

    [Fact]
    public async Task Sending_a_notice_says_how_many_recipients_it_goes_to_and_sends_only_when_confirmed()
    {
        var scenario = await CampaignAudienceScenario.CreateAsync(factory);
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var id = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, scenario.SessionId));

        var asked = await client.PostPageFormAsync($"/notices/campaigns/{id}/send", new { }, $"/notices/campaigns/{id}");

        Assert.Contains("It will be sent by email now to 12 recipients, each in their own language.", await asked.PageTextAsync());
        Assert.Equal(CampaignStatus.Draft, (await factory.CampaignAsync(id)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, asked)).StatusCode);
        Assert.NotEqual(CampaignStatus.Draft, (await factory.CampaignAsync(id)).Status);
    }

    [Fact]
    public async Task Deactivating_an_account_names_it_and_deactivates_only_when_confirmed()
    {
        var focalPoint = await factory.AddFocalPointAsync(await factory.AddOrganisationAsync($"Deactivated {Guid.NewGuid():N}", "en", OrganisationCategory.NonGovernmentalOrganisation));
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var asked = await client.PostFormAsync($"/admin/users/{focalPoint.Id}/deactivate", new { }, $"/admin/users/{focalPoint.Id}");

        Assert.Contains($"({focalPoint.Email})?", await asked.PageTextAsync());
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == focalPoint.Id).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(client, asked)).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == focalPoint.Id).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task The_confirmation_is_in_the_users_language_with_its_plural_rule()
    {
        var (scenario, _) = await DelegationWithNomineesAsync(2);
        scenario.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        scenario.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");

        var asked = await scenario.Client.PostPageFormAsync($"/delegations/{scenario.DelegationId}/withdraw", new { }, $"/delegations/{scenario.DelegationId}");

        Assert.Contains("2 участника этой делегации получат уведомление по электронной почте.", await asked.PageTextAsync());
        Assert.Equal(RegistrationStatus.Draft, (await factory.DelegationAsync(scenario.DelegationId)).Status);
    }
}
