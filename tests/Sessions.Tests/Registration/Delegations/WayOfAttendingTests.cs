using System.Net;
using Sessions.Core.Accounts;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Registration.Delegations;

/// <summary>How a participant attends: chosen at nomination, changed by the participant until the registration deadline, fixed by a session held one way only.</summary>
public sealed class WayOfAttendingTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task A_focal_point_nominates_a_participant_online_in_a_hybrid_session_and_sees_it_on_the_delegation()
    {
        var scenario = await factory.StartDelegationAsync(configure: s => s.HoldAs(SessionFormat.Hybrid));
        var form = await scenario.Client.GetStringAsync($"/delegations/{scenario.DelegationId}/participants/new");
        Assert.Contains("name=\"Attendance\"", form);

        var response = await scenario.Client.PostPageFormAsync($"/delegations/{scenario.DelegationId}/participants/new",
            Nomination(DelegationBuilders.NewEmail("online"), "Online"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AttendanceMode.Online, Assert.Single((await factory.DelegationAsync(scenario.DelegationId)).Participants).Attendance);
        Assert.Contains("<td class=\"participant-attendance\">Online</td>", await scenario.Client.GetStringAsync($"/delegations/{scenario.DelegationId}"));
    }

    [Fact]
    public async Task A_refused_nomination_in_a_hybrid_session_keeps_the_choice_typed()
    {
        var scenario = await factory.StartDelegationAsync(configure: s => s.HoldAs(SessionFormat.Hybrid));

        var refused = await scenario.Client.PostPageFormAsync($"/delegations/{scenario.DelegationId}/participants/new", Nomination("not-an-address", "Online"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("id=\"Attendance-Online\" value=\"Online\" checked=\"checked\"", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_session_held_in_person_only_offers_no_choice_and_refuses_an_online_nomination()
    {
        var scenario = await factory.StartDelegationAsync();
        var form = await scenario.Client.GetStringAsync($"/delegations/{scenario.DelegationId}/participants/new");
        Assert.DoesNotContain("name=\"Attendance\"", form);

        var refused = await scenario.Client.PostPageFormAsync($"/delegations/{scenario.DelegationId}/participants/new",
            Nomination(DelegationBuilders.NewEmail("refused"), "Online"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This session is held in person only: every participant attends in person.", await refused.PageTextAsync());
        Assert.Empty((await factory.DelegationAsync(scenario.DelegationId)).Participants);

        await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("room"));
        Assert.Equal(AttendanceMode.InPerson, Assert.Single((await factory.DelegationAsync(scenario.DelegationId)).Participants).Attendance);
    }

    [Fact]
    public async Task A_session_held_online_only_makes_every_nominee_attend_online()
    {
        var scenario = await factory.StartDelegationAsync(configure: s => s.HoldAs(SessionFormat.Online));

        await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("remote"));

        Assert.Equal(AttendanceMode.Online, Assert.Single((await factory.DelegationAsync(scenario.DelegationId)).Participants).Attendance);
    }

    [Fact]
    public async Task The_participant_changes_how_they_attend_before_the_registration_deadline_and_is_refused_after()
    {
        var scenario = await factory.StartDelegationAsync(configure: s =>
        {
            s.HoldAs(SessionFormat.Hybrid);
            s.RegistrationDeadline = DateTime.UtcNow.AddDays(5);
        });
        await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("changer"));
        var token = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single().ConfirmationToken;
        var page = $"/participants/confirm/{token}";
        var participant = factory.CreateBrowser();
        Assert.Contains("id=\"Attendance-Online\"", await participant.GetStringAsync(page));

        var changed = await participant.PostPageFormAsync($"{page}/attendance", new { Attendance = "Online" }, page);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("how you attend is recorded", await participant.GetStringAsync(page));
        Assert.Equal(AttendanceMode.Online, (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single().Attendance);

        await factory.ChangeSessionAsync(scenario.SessionId, s => s.RegistrationDeadline = DateTime.UtcNow.AddMinutes(-1));
        var late = await participant.PostPageFormAsync($"{page}/attendance", new { Attendance = "InPerson" }, page);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("The registration deadline has passed: how you attend can no longer be changed.", await late.PageTextAsync());
        Assert.Equal(AttendanceMode.Online, (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single().Attendance);
    }

    [Fact]
    public async Task An_approved_participant_may_change_how_they_attend_and_stays_approved_but_a_fixed_session_refuses()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), configure: s => s.HoldAs(SessionFormat.Hybrid));
        var delegation = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Remote Voices", OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Approved, [DelegationBuilders.Nominee("Lina", "Haddad")]);
        var token = (await factory.ParticipantAsync(delegation.ParticipantIds[0])).ConfirmationToken;
        var page = $"/participants/confirm/{token}";
        var participant = factory.CreateBrowser();

        Assert.Equal(HttpStatusCode.Redirect, (await participant.PostPageFormAsync($"{page}/attendance", new { Attendance = "Online" }, page)).StatusCode);
        var after = await factory.ParticipantAsync(delegation.ParticipantIds[0]);
        Assert.Equal((AttendanceMode.Online, ParticipantStatus.Approved), (after.Attendance, after.Status));

        await factory.ChangeSessionAsync(sessionId, s => s.HoldAs(SessionFormat.InPerson));
        var refused = await participant.PostPageFormAsync($"{page}/attendance", new { Attendance = "Online" }, page);
        Assert.Contains("This session is held in person only", await refused.PageTextAsync());
    }

    [Fact]
    public async Task The_secretariat_sees_how_each_participant_attends_when_reviewing_the_delegation()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), configure: s => s.HoldAs(SessionFormat.Hybrid));
        var delegation = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Review Remote", OrganisationCategory.IntergovernmentalOrganisation),
            Capacity.IntergovernmentalOrganisation, RegistrationStatus.Submitted, [DelegationBuilders.Nominee("Omar", "Online"), DelegationBuilders.Nominee("Ines", "Inroom")]);
        await factory.AttendOnlineAsync(delegation.ParticipantIds[0]);
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);

        var review = await secretariat.GetStringAsync($"/registrations/{delegation.Id}");

        Assert.Contains("<td class=\"participant-attendance\">Online</td>", review);
        Assert.Contains("<td class=\"participant-attendance\">In person</td>", review);
    }

    private static object Nomination(string email, string attendance) => new
    {
        Title = "Ms.",
        GivenName = "Amina",
        FamilyName = "Mohammed",
        Function = "HeadOfDelegation",
        Email = email,
        PreferredLanguage = "en",
        ConsentToPublicList = "true",
        Attendance = attendance,
    };
}
