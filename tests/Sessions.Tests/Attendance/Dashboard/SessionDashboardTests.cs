using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Attendance;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Statements;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Attendance.Dashboard;

namespace Sessions.Tests.Attendance.Dashboard;

/// <summary>The session dashboard: every figure of a session whose registrations, check-ins, speakers and statements are known.</summary>
public sealed class SessionDashboardTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Registrations_are_counted_by_capacity_and_status_leaving_drafts_and_withdrawn_people_out_of_the_participants()
    {
        var session = await factory.AddDashboardSessionAsync();

        var model = await DashboardAsync(session.SessionId);

        int Delegations(Capacity capacity, RegistrationStatus status) => model.Delegations.Where(x => x.Capacity == capacity && x.Status == status).Sum(x => x.Count);
        int People(Capacity capacity, ParticipantStatus status) => model.Participants.Where(x => x.Capacity == capacity && x.Status == status).Sum(x => x.Count);
        Assert.Equal(1, Delegations(Capacity.Member, RegistrationStatus.Approved));
        Assert.Equal(1, Delegations(Capacity.Stakeholder, RegistrationStatus.Approved));
        Assert.Equal(1, Delegations(Capacity.Stakeholder, RegistrationStatus.Draft));
        Assert.Equal(1, Delegations(Capacity.ObserverState, RegistrationStatus.Submitted));
        Assert.Equal(1, Delegations(Capacity.IntergovernmentalOrganisation, RegistrationStatus.Rejected));
        Assert.Equal(5, model.Delegations.Sum(x => x.Count));
        Assert.Equal(3, People(Capacity.Member, ParticipantStatus.Approved));
        Assert.Equal(2, People(Capacity.Stakeholder, ParticipantStatus.Approved));
        Assert.Equal(1, People(Capacity.Stakeholder, ParticipantStatus.Withdrawn));
        Assert.Equal(2, People(Capacity.ObserverState, ParticipantStatus.Nominated));
        Assert.Equal(1, People(Capacity.IntergovernmentalOrganisation, ParticipantStatus.Nominated));
        Assert.Equal(9, model.Participants.Sum(x => x.Count));
        // The chart: capacity rows in the UN order, a series per status, stacked.
        Assert.True(model.DelegationsChart.Stacked);
        Assert.Equal(Enum.GetValues<RegistrationStatus>().Length, model.DelegationsChart.Series.Count);
        Assert.Equal(["Member of the body", "Observer State", "United Nations system", "Intergovernmental organisation", "Stakeholder"], model.DelegationsChart.Rows.Select(r => r.Label));
        Assert.Equal([0, 0, 1, 0, 0], model.DelegationsChart.Rows[0].Values);
        Assert.Equal([1, 0, 1, 0, 0], model.DelegationsChart.Rows[(int)Capacity.Stakeholder - 1].Values);
        Assert.Equal([0, 0, 2, 0, 0, 1], model.ParticipantsChart.Rows[(int)Capacity.Stakeholder - 1].Values);
    }

    [Fact]
    public async Task The_headline_figures_are_participation_s_and_agree_with_the_registrations()
    {
        var session = await factory.AddDashboardSessionAsync();

        var model = await DashboardAsync(session.SessionId);
        var participation = ParticipationFigures.Of(await factory.InScopeAsync(sp => Participation.OfSessionsAsync(sp.GetRequiredService<SessionsDbContext>(), [session.SessionId], CancellationToken.None)));

        Assert.Equal(participation, model.Figures);
        Assert.Equal((4, 2, 5), (model.Figures.DelegationsRegistered, model.Figures.DelegationsApproved, model.Figures.ParticipantsApproved));
        Assert.Equal((1, 1), (model.Figures.OralStatements, model.Figures.WrittenStatements));
        Assert.Equal(model.Figures.ParticipantsRegistered, model.Participants.Where(x => x.Status != ParticipantStatus.Withdrawn).Sum(x => x.Count));
        Assert.Equal([model.Figures.DelegationsRegistered, model.Figures.DelegationsApproved, model.Figures.DelegationsAttended], model.FiguresChart.Rows[0].Values);
        Assert.Equal([model.Figures.ParticipantsRegistered, model.Figures.ParticipantsApproved, model.Figures.ParticipantsAttended], model.FiguresChart.Rows[1].Values);
    }

    [Fact]
    public async Task Check_ins_are_counted_per_meeting_among_the_approved_participants_with_the_meeting_in_progress_marked()
    {
        var session = await factory.AddDashboardSessionAsync();

        var model = await DashboardAsync(session.SessionId);
        var html = await (await SecretariatAsync()).GetStringAsync($"/sessions/manage/{session.SessionId}/dashboard");

        Assert.Equal(5, model.ApprovedParticipants);
        Assert.Equal([1, 2, 3], model.Meetings.Select(m => m.Number));
        Assert.Equal((1, 1, 1, 2), Counts(model.Meetings[0]));
        Assert.Equal((2, 0, 0, 3), Counts(model.Meetings[1]));
        Assert.Equal((0, 0, 0, 5), Counts(model.Meetings[2]));
        Assert.Equal([false, true, false], model.Meetings.Select(m => m.InProgress));
        Assert.Equal([1, 1, 1, 2], model.CheckInsChart.Rows[0].Values);
        Assert.Equal("Meeting 2, in progress", model.CheckInsChart.Rows[1].Label);
        Assert.Contains("data-meeting=\"2\" data-in-progress=\"true\"", html);
        Assert.Contains("data-meeting=\"1\" data-in-progress=\"false\"", html);
        Assert.Contains($"/sessions/manage/{session.SessionId}/meetings/{session.MeetingIds[1]}/roster", html);

        static (int, int, int, int) Counts(ShowDashboard.MeetingCheckIns m) => (m.Present, m.Excused, m.Absent, m.NotRecorded);
    }

    [Fact]
    public async Task Speakers_so_far_are_counted_per_agenda_item_with_the_time_they_spoke()
    {
        var session = await factory.AddDashboardSessionAsync();

        var model = await DashboardAsync(session.SessionId);
        var html = await (await SecretariatAsync()).GetStringAsync($"/sessions/manage/{session.SessionId}/dashboard");

        var first = model.Speakers[0];
        Assert.Equal(("1", 3, 2, 0, 1, 150), (first.Number, first.Inscribed, first.Spoke, first.Speaking, first.Waiting, first.SpokeForSeconds));
        Assert.Equal(("2", 0, 0, 0), (model.Speakers[1].Number, model.Speakers[1].Inscribed, model.Speakers[1].Spoke, model.Speakers[1].Waiting));
        Assert.Equal(150, model.TotalSpeakingSeconds);
        Assert.Equal([2, 0, 1], model.SpeakersChart.Rows[0].Values);
        Assert.Contains("Total speaking time: 2 min 30 s", html);
        Assert.Matches(FigureCell("inscribed", "3"), html);
        Assert.Matches(FigureCell("waiting", "1"), html);
    }

    [Fact]
    public async Task Written_statements_are_counted_by_status()
    {
        var session = await factory.AddDashboardSessionAsync();

        var model = await DashboardAsync(session.SessionId);

        Assert.Equal(1, model.Statements.Single(s => s.Status == StatementStatus.Issued).Count);
        Assert.Equal(1, model.Statements.Single(s => s.Status == StatementStatus.Submitted).Count);
        Assert.Equal(2, model.Statements.Sum(s => s.Count));
        int Drawn(StatementStatus status) => model.StatementsChart.Rows[(int)status - 1].Values.Single();
        Assert.Equal((1, 1, 0), (Drawn(StatementStatus.Issued), Drawn(StatementStatus.Submitted), Drawn(StatementStatus.Rejected)));
        Assert.Equal("Issued", model.StatementsChart.Rows[(int)StatementStatus.Issued - 1].Label);
    }

    [Fact]
    public async Task The_page_draws_every_chart_and_the_figures_and_the_session_page_links_to_it()
    {
        var session = await factory.AddDashboardSessionAsync();
        var client = await SecretariatAsync();

        var response = await client.GetAsync($"/sessions/manage/{session.SessionId}/dashboard");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, Regex.Count(html, "<figure class=\"bar-chart\">"));
        foreach (var caption in new[] { "Delegations and participants", "Delegations by capacity and status", "Participants by capacity and status", "Check-ins per meeting", "Speakers per agenda item", "Written statements by status" })
        {
            Assert.Contains($"<caption class=\"caption-top fw-semibold text-body\">{caption}</caption>", html);
        }

        Assert.Matches(FigureCell("delegations-registered", "4"), html);
        Assert.Matches(FigureCell("participants-approved", "5"), html);
        Assert.Matches(FigureCell("statements-oral", "1"), html);
        Assert.Matches(FigureCell("statements-written", "1"), html);
        Assert.DoesNotContain("style=", html);
        Assert.Contains($"href=\"/sessions/manage/{session.SessionId}/dashboard\"", await client.GetStringAsync($"/sessions/manage/{session.SessionId}"));
    }

    [Fact]
    public async Task A_session_without_delegations_meetings_or_speakers_shows_zeros()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));

        var response = await (await SecretariatAsync()).GetAsync($"/sessions/manage/{sessionId}/dashboard");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(FigureCell("delegations-registered", "0"), html);
        Assert.Contains("Total speaking time: 0 min 00 s", html);
    }

    [Fact]
    public async Task The_dashboard_reads_grouped_figures_not_rows_so_a_bigger_session_costs_no_more_queries()
    {
        var small = await factory.AddSessionAsync(await factory.AddBodyAsync(), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));
        var large = await factory.AddDashboardSessionAsync();
        await DashboardAsync(small);

        int smallCount, largeCount;
        using (var counter = SqlCommandCounter.Start())
        {
            await DashboardAsync(small);
            smallCount = counter.Count;
        }

        using (var counter = SqlCommandCounter.Start())
        {
            await DashboardAsync(large.SessionId);
            largeCount = counter.Count;
        }

        Assert.InRange(smallCount, 5, 20);
        Assert.Equal(smallCount, largeCount);
    }

    [Fact]
    public async Task Only_the_secretariat_sees_the_dashboard_and_an_unknown_session_is_not_found()
    {
        var session = await factory.AddDashboardSessionAsync();
        var url = $"/sessions/manage/{session.SessionId}/dashboard";
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, await factory.AddOrganisationAsync("Dashboard Readers", OrganisationCategory.NonGovernmentalOrganisation));
        var anonymous = factory.CreateBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await (await SecretariatAsync()).GetAsync("/sessions/manage/987654/dashboard")).StatusCode);
        await focalPoint.AssertForbiddenAsync(url);
        var signIn = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/account/sign-in", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static Regex FigureCell(string name, string value) => new($"data-figure=\"{Regex.Escape(name)}\"[^>]*>{Regex.Escape(value)}<");

    /// <summary>The handler's model, its labels in English.</summary>
    private Task<ShowDashboard.Model> DashboardAsync(int sessionId) =>
        factory.InScopeAsync(async sp =>
        {
            using var english = new CultureScope("en");
            return (await sp.GetRequiredService<ShowDashboard.Handler>().HandleAsync(sessionId, CancellationToken.None))!;
        });

    private async Task<HttpClient> SecretariatAsync()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }
}
