using System.Net;
using Sessions.Core.Accounts;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.SessionsFeature.Workspace;

/// <summary>The session's workspace: every page about one session shares its header and sections; the session's own registrations and notices.</summary>
public sealed class SessionWorkspaceTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private async Task<(int Session, int Other)> TwoSessionsAsync()
    {
        var bodyId = await factory.AddBodyAsync();
        var session = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 6, 2), "Session of the workspace");
        var other = await factory.AddSessionAsync(bodyId, new DateOnly(2031, 9, 1), "Another session");
        return (session, other);
    }

    private async Task<HttpClient> SecretariatAsync()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    [Fact]
    public async Task The_registrations_of_a_session_list_its_delegations_only()
    {
        var (session, other) = await TwoSessionsAsync();
        var ours = await factory.AddOrganisationAsync("Workspace Delegation Ours", OrganisationCategory.NonGovernmentalOrganisation);
        var theirs = await factory.AddOrganisationAsync("Workspace Delegation Theirs", OrganisationCategory.NonGovernmentalOrganisation);
        await factory.AddDelegationAsync(session, ours, Capacity.Stakeholder, RegistrationStatus.Submitted, [DelegationBuilders.Nominee("Amina", "Workspace")]);
        await factory.AddDelegationAsync(other, theirs, Capacity.Stakeholder, RegistrationStatus.Submitted, [DelegationBuilders.Nominee("Amina", "Workspace")]);
        var client = await SecretariatAsync();

        var html = await client.GetStringAsync($"/sessions/manage/{session}/registrations");

        Assert.Contains("Workspace Delegation Ours", html);
        Assert.DoesNotContain("Workspace Delegation Theirs", html);
        Assert.Contains("class=\"session-workspace\"", html);
        Assert.Contains($"action=\"/sessions/manage/{session}/registrations\"", html);
        Assert.Contains("Session of the workspace", html);
    }

    [Fact]
    public async Task Approving_from_the_registrations_of_a_session_comes_back_to_them()
    {
        var (session, _) = await TwoSessionsAsync();
        var organisation = await factory.AddOrganisationAsync("Workspace Delegation Approved", OrganisationCategory.NonGovernmentalOrganisation);
        var delegation = await factory.AddDelegationAsync(session, organisation, Capacity.Stakeholder, RegistrationStatus.Submitted, [DelegationBuilders.Nominee("Amina", "Workspace")]);
        var client = await SecretariatAsync();

        var fields = new Dictionary<string, string> { ["ids"] = delegation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["sessionId"] = session.ToString(System.Globalization.CultureInfo.InvariantCulture), ["inWorkspace"] = "true" };

        var confirmation = await client.PostFormAsync("/registrations/review/approve", fields, $"/sessions/manage/{session}/registrations");
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains("name=\"inWorkspace\" value=\"true\"", await confirmation.Content.ReadAsStringAsync());

        var response = await client.PostConfirmedFormAsync("/registrations/review/approve", fields, $"/sessions/manage/{session}/registrations");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/sessions/manage/{session}/registrations", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_notices_of_a_session_list_its_bulk_notices_only()
    {
        var (session, other) = await TwoSessionsAsync();
        var client = await SecretariatAsync();
        var ours = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, session));
        var theirs = await client.ComposeCampaignAsync(CampaignBuilders.CampaignFields(NoticeKinds.FreeForm, other));

        var html = await client.GetStringAsync($"/sessions/manage/{session}/notices");

        Assert.Contains($"href=\"/notices/campaigns/{ours}\"", html);
        Assert.DoesNotContain($"href=\"/notices/campaigns/{theirs}\"", html);
        Assert.Contains($"href=\"/notices/campaigns/new?sessionId={session}\"", html);
        Assert.Contains("class=\"session-workspace\"", html);
    }

    [Fact]
    public async Task The_registrations_and_notices_of_a_session_are_the_secretariats_only()
    {
        var (session, _) = await TwoSessionsAsync();
        var organisation = await factory.AddOrganisationAsync("Workspace Onlookers", OrganisationCategory.NonGovernmentalOrganisation);
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, organisation);
        var anonymous = factory.CreateBrowser();

        foreach (var url in new[] { $"/sessions/manage/{session}/registrations", $"/sessions/manage/{session}/notices" })
        {
            await focalPoint.AssertForbiddenAsync(url);
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/sign-in", response.Headers.Location!.AbsolutePath);
        }
    }

    [Fact]
    public async Task The_registrations_and_notices_of_a_session_that_does_not_exist_are_not_found()
    {
        var client = await SecretariatAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sessions/manage/987654/registrations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sessions/manage/987654/notices")).StatusCode);
    }

    [Fact]
    public async Task Every_page_about_one_session_carries_its_header_and_marks_its_section()
    {
        var (session, _) = await TwoSessionsAsync();
        var client = await SecretariatAsync();
        var pages = new (string Path, string Current)[]
        {
            ("", "Details"), ("/edit", "Details"), ("/agenda/new", "Agenda and meetings"), ("/meetings/new", "Agenda and meetings"),
            ("/dashboard", "Dashboard"), ("/registrations", "Delegations"), ("/visa-letters", "Visa letter requests"),
            ("/special-requirements", "Special requirements"), ("/speakers", "Speakers"), ("/statements", "Written statements"),
            ("/statements/rules", "Rules for written statements"), ("/check-in", "Attendance"), ("/notices", "Notices"),
            ("/reminders", "Reminders"), ("/attendance-report", "Attendance report"), ("/speaking-time", "Speaking time"),
            ("/participants/print", "Printable list of participants"),
        };

        foreach (var (path, current) in pages)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/sessions/manage/{session}{path}"));

            Assert.True(html.Contains("class=\"session-workspace-name\">Session of the workspace<", StringComparison.Ordinal), $"{path}: no header");
            Assert.Matches($"aria-current=\"page\">{current}<", html);
        }
    }
}
