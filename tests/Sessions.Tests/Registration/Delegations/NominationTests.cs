using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Bodies;
using Sessions.Core.Data;
using Sessions.Core.Registration;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Registration.Delegations;

public sealed class NominationTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task A_nominee_is_added_and_counted_against_the_quota_shown_on_the_delegation_page()
    {
        var scenario = await factory.StartDelegationAsync();
        var email = DelegationBuilders.NewEmail("amina");

        var response = await scenario.Client.NominateAsync(scenario.DelegationId, email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var participant = Assert.Single((await factory.DelegationAsync(scenario.DelegationId)).Participants);
        Assert.Equal(ParticipantStatus.Nominated, participant.Status);
        Assert.Equal(email, participant.Email);
        var page = await scenario.Client.GetPageTextAsync($"/delegations/{scenario.DelegationId}");
        Assert.Contains("1 of 5", page);
        Assert.Contains(email, page);
    }

    [Fact]
    public async Task Nominating_beyond_the_quota_is_refused_and_keeps_what_was_typed()
    {
        var scenario = await factory.StartDelegationAsync(BodyKind.ExecutiveBoard);
        await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("first"));

        var response = await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("second"), givenName: "Zhang");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.PageTextAsync();
        Assert.Contains("Your delegation has reached its quota of 1 participants.", page);
        Assert.Contains("value=\"Zhang\"", page);
        Assert.Single((await factory.DelegationAsync(scenario.DelegationId)).Participants);
    }

    [Fact]
    public async Task The_session_can_override_the_observer_quota_of_the_body()
    {
        var scenario = await factory.StartDelegationAsync(BodyKind.ExecutiveBoard, configure: s => s.ObserverQuotaOverride = 2);

        Assert.Equal(HttpStatusCode.Redirect, (await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("one"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("two"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("three"))).StatusCode);
        Assert.Contains("2 of 2", await scenario.Client.GetPageTextAsync($"/delegations/{scenario.DelegationId}"));
    }

    [Fact]
    public async Task After_the_nomination_deadline_nominating_editing_uploading_and_submitting_are_refused_but_withdrawing_is_not()
    {
        var scenario = await factory.StartDelegationAsync();
        await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("early"));
        var participantId = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single().Id;
        await factory.ChangeSessionAsync(scenario.SessionId, s => s.NominationDeadline = DateTime.UtcNow.AddMinutes(-5));

        var nominate = await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("late"));
        var edit = await scenario.Client.PostPageFormAsync(
            $"/delegations/{scenario.DelegationId}/participants/{participantId}/edit", DelegationBuilders.NominationForm(DelegationBuilders.NewEmail("changed"), givenName: "Changed"));

        const string closed = "Nominations are closed: the deadline has passed. You can only withdraw now.";
        Assert.Contains(closed, await nominate.PageTextAsync());
        Assert.Contains(closed, await edit.PageTextAsync());
        var delegation = await factory.DelegationAsync(scenario.DelegationId);
        Assert.Equal("Amina", Assert.Single(delegation.Participants).GivenName);

        var letter = await scenario.Client.UploadLetterAsync(scenario.DelegationId, TestPdf.Bytes());
        var submit = await scenario.Client.PostPageFormAsync($"/delegations/{scenario.DelegationId}/submit", new { }, $"/delegations/{scenario.DelegationId}");
        Assert.Contains(closed, await letter.PageTextAsync());
        Assert.Contains(closed, await submit.PageTextAsync());
        Assert.Equal(RegistrationStatus.Draft, (await factory.DelegationAsync(scenario.DelegationId)).Status);

        var withdraw = await scenario.Client.PostConfirmedPageFormAsync($"/delegations/{scenario.DelegationId}/participants/{participantId}/withdraw", new { }, $"/delegations/{scenario.DelegationId}");
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal(ParticipantStatus.Withdrawn, (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single().Status);
        Assert.Contains(closed, await scenario.Client.GetPageTextAsync($"/delegations/{scenario.DelegationId}"));
    }

    [Fact]
    public async Task The_same_email_cannot_be_nominated_twice_in_one_session_whichever_the_delegation()
    {
        var first = await factory.StartDelegationAsync();
        var second = await factory.StartDelegationAsync(sessionId: first.SessionId);
        var email = DelegationBuilders.NewEmail("twice");
        await first.Client.NominateAsync(first.DelegationId, email);

        var response = await second.Client.NominateAsync(second.DelegationId, email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is already nominated to this session.", await response.PageTextAsync());
        Assert.Empty((await factory.DelegationAsync(second.DelegationId)).Participants);

        // Once withdrawn, the person can be nominated again.
        var participantId = (await factory.DelegationAsync(first.DelegationId)).Participants.Single().Id;
        await first.Client.PostConfirmedPageFormAsync($"/delegations/{first.DelegationId}/participants/{participantId}/withdraw", new { }, $"/delegations/{first.DelegationId}");
        Assert.Equal(HttpStatusCode.Redirect, (await second.Client.NominateAsync(second.DelegationId, email)).StatusCode);
    }

    [Fact]
    public async Task A_double_submitted_nomination_form_creates_one_participant()
    {
        var scenario = await factory.StartDelegationAsync();
        var url = $"/delegations/{scenario.DelegationId}/participants/new";
        var (token, version) = await scenario.Client.ReadFormAsync(url);
        var fields = HttpClientExtensions.ToFields(DelegationBuilders.NominationForm(DelegationBuilders.NewEmail("double")))
            .Append(new("Version", version)).Append(new("__RequestVerificationToken", token)).ToList();

        var firstPost = await scenario.Client.PostAsync(url, new FormUrlEncodedContent(fields));
        var secondPost = await scenario.Client.PostAsync(url, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, firstPost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondPost.StatusCode);
        Assert.Contains("is already nominated to this session.", await secondPost.PageTextAsync());
        Assert.Single((await factory.DelegationAsync(scenario.DelegationId)).Participants);
    }

    [Fact]
    public async Task A_form_opened_on_an_older_version_of_the_delegation_is_refused_with_the_conflict_message()
    {
        var scenario = await factory.StartDelegationAsync();
        var url = $"/delegations/{scenario.DelegationId}/participants/new";
        var (token, staleVersion) = await scenario.Client.ReadFormAsync(url);
        await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("meanwhile"));
        var fields = HttpClientExtensions.ToFields(DelegationBuilders.NominationForm(DelegationBuilders.NewEmail("stale")))
            .Append(new("Version", staleVersion)).Append(new("__RequestVerificationToken", token));

        var response = await scenario.Client.PostAsync(url, new FormUrlEncodedContent(fields));

        Assert.Contains("Someone else changed this record while you were editing it.", await response.PageTextAsync());
        Assert.Single((await factory.DelegationAsync(scenario.DelegationId)).Participants);
    }

    [Fact]
    public async Task Beyond_the_observer_capacity_a_nominee_is_waitlisted_and_promoted_with_a_notice_when_a_place_frees()
    {
        var first = await factory.StartDelegationAsync(configure: s => s.ObserverCapacity = 1);
        var second = await factory.StartDelegationAsync(sessionId: first.SessionId);
        var holder = DelegationBuilders.NewEmail("holder");
        var waiting = DelegationBuilders.NewEmail("waiting");
        await first.Client.NominateAsync(first.DelegationId, holder);

        var response = await second.Client.NominateAsync(second.DelegationId, waiting);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("is on the waitlist", await second.Client.GetPageTextAsync(response.Headers.Location!.OriginalString));
        var waitlisted = (await factory.DelegationAsync(second.DelegationId)).Participants.Single();
        Assert.Equal(ParticipantStatus.Waitlisted, waitlisted.Status);
        Assert.Contains(await factory.NoticesToAsync(waiting), n => n.Kind == "participants.waitlisted");

        var holderId = (await factory.DelegationAsync(first.DelegationId)).Participants.Single().Id;
        var withdraw = await first.Client.PostConfirmedPageFormAsync($"/delegations/{first.DelegationId}/participants/{holderId}/withdraw", new { }, $"/delegations/{first.DelegationId}");

        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal(ParticipantStatus.Nominated, (await factory.DelegationAsync(second.DelegationId)).Participants.Single().Status);
        Assert.Contains(await factory.NoticesToAsync(holder), n => n.Kind == "participants.withdrawn");
        var promoted = Assert.Single(await factory.NoticesToAsync(waiting), n => n.Kind == "participants.promoted");
        Assert.Contains("/participants/confirm/" + waitlisted.ConfirmationToken, promoted.TextBody);
        Assert.Contains(await factory.NoticesToAsync(second.FocalPoint.Email!), n => n.Kind == "delegations.promoted" && n.TextBody.Contains("Amina Mohammed"));
    }

    [Fact]
    public async Task Waitlisted_nominees_are_promoted_in_the_order_of_nomination_when_a_delegation_withdraws()
    {
        var holder = await factory.StartDelegationAsync(configure: s => s.ObserverCapacity = 2);
        var early = await factory.StartDelegationAsync(sessionId: holder.SessionId);
        var late = await factory.StartDelegationAsync(sessionId: holder.SessionId);
        await holder.Client.NominateAsync(holder.DelegationId, DelegationBuilders.NewEmail("a"));
        await holder.Client.NominateAsync(holder.DelegationId, DelegationBuilders.NewEmail("b"));
        await early.Client.NominateAsync(early.DelegationId, DelegationBuilders.NewEmail("early"));
        await late.Client.NominateAsync(late.DelegationId, DelegationBuilders.NewEmail("late"));

        // Withdrawing the holder frees two places: both waitlisted nominees take them.
        var response = await holder.Client.PostConfirmedPageFormAsync($"/delegations/{holder.DelegationId}/withdraw", new { }, $"/delegations/{holder.DelegationId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RegistrationStatus.Withdrawn, (await factory.DelegationAsync(holder.DelegationId)).Status);
        Assert.All((await factory.DelegationAsync(holder.DelegationId)).Participants, p => Assert.Equal(ParticipantStatus.Withdrawn, p.Status));
        Assert.Equal(ParticipantStatus.Nominated, (await factory.DelegationAsync(early.DelegationId)).Participants.Single().Status);
        Assert.Equal(ParticipantStatus.Nominated, (await factory.DelegationAsync(late.DelegationId)).Participants.Single().Status);
    }

    [Fact]
    public async Task Only_the_earliest_waitlisted_nominee_takes_a_single_freed_place()
    {
        var holder = await factory.StartDelegationAsync(configure: s => s.ObserverCapacity = 1);
        var early = await factory.StartDelegationAsync(sessionId: holder.SessionId);
        var late = await factory.StartDelegationAsync(sessionId: holder.SessionId);
        await holder.Client.NominateAsync(holder.DelegationId, DelegationBuilders.NewEmail("holder"));
        await early.Client.NominateAsync(early.DelegationId, DelegationBuilders.NewEmail("early"));
        await late.Client.NominateAsync(late.DelegationId, DelegationBuilders.NewEmail("late"));
        var holderId = (await factory.DelegationAsync(holder.DelegationId)).Participants.Single().Id;

        await holder.Client.PostConfirmedPageFormAsync($"/delegations/{holder.DelegationId}/participants/{holderId}/withdraw", new { }, $"/delegations/{holder.DelegationId}");

        Assert.Equal(ParticipantStatus.Nominated, (await factory.DelegationAsync(early.DelegationId)).Participants.Single().Status);
        Assert.Equal(ParticipantStatus.Waitlisted, (await factory.DelegationAsync(late.DelegationId)).Participants.Single().Status);
    }

    [Fact]
    public async Task Editing_an_approved_participant_sends_the_participant_and_the_delegation_back_to_review()
    {
        var scenario = await factory.StartDelegationAsync();
        await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("approved"));
        await scenario.Client.UploadLetterAsync(scenario.DelegationId, TestPdf.Bytes());
        int participantId = 0;
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var delegation = await db.Delegations.Include(d => d.Participants).SingleAsync(d => d.Id == scenario.DelegationId);
            delegation.Submit(DateTime.UtcNow);
            delegation.Approve("secretariat", DateTime.UtcNow);
            var participant = delegation.Participants.Single();
            participant.Approve(GroundsPassRequirements.None);
            participantId = participant.Id;
            await db.SaveChangesAsync();
        });

        var response = await scenario.Client.PostPageFormAsync(
            $"/delegations/{scenario.DelegationId}/participants/{participantId}/edit", DelegationBuilders.NominationForm(DelegationBuilders.NewEmail("renamed"), givenName: "Fatima"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await factory.DelegationAsync(scenario.DelegationId);
        Assert.Equal(RegistrationStatus.Submitted, after.Status);
        var edited = after.Participants.Single();
        Assert.Equal(ParticipantStatus.Nominated, edited.Status);
        Assert.Equal("Fatima", edited.GivenName);
    }

    [Fact]
    public async Task A_corrected_email_address_gets_its_own_invitation()
    {
        var scenario = await factory.StartDelegationAsync();
        await scenario.Client.NominateAsync(scenario.DelegationId, DelegationBuilders.NewEmail("typo"));
        var participant = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single();
        var corrected = DelegationBuilders.NewEmail("corrected");

        var response = await scenario.Client.PostPageFormAsync(
            $"/delegations/{scenario.DelegationId}/participants/{participant.Id}/edit", DelegationBuilders.NominationForm(corrected));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var invitation = Assert.Single(await factory.NoticesToAsync(corrected), n => n.Kind == "participants.invitation");
        var now = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single();
        Assert.NotEqual(participant.ConfirmationToken, now.ConfirmationToken);
        Assert.Contains("/participants/confirm/" + now.ConfirmationToken, invitation.TextBody);
    }

    [Fact]
    public async Task After_the_nomination_deadline_the_nomination_page_says_so_instead_of_showing_the_form()
    {
        var scenario = await factory.StartDelegationAsync();
        await factory.ChangeSessionAsync(scenario.SessionId, s => s.NominationDeadline = DateTime.UtcNow.AddMinutes(-5));

        var page = await scenario.Client.GetStringAsync($"/delegations/{scenario.DelegationId}/participants/new");

        Assert.Contains("Nominations are closed: the deadline has passed. You can only withdraw now.", page);
        Assert.DoesNotContain("name=\"GivenName\"", page);
    }

    [Fact]
    public async Task Raising_the_observer_capacity_promotes_the_waitlist_with_a_notice()
    {
        var first = await factory.StartDelegationAsync(configure: s => s.ObserverCapacity = 1);
        var second = await factory.StartDelegationAsync(sessionId: first.SessionId);
        await first.Client.NominateAsync(first.DelegationId, DelegationBuilders.NewEmail("holder"));
        var waiting = DelegationBuilders.NewEmail("waiting");
        await second.Client.NominateAsync(second.DelegationId, waiting);
        Assert.Equal(ParticipantStatus.Waitlisted, (await factory.DelegationAsync(second.DelegationId)).Participants.Single().Status);

        await factory.InScopeAsync(async sp =>
        {
            var sessions = sp.GetRequiredService<Sessions.Web.Features.Sessions.Schedule.SaveSession.Handler>();
            var command = (await sessions.LoadAsync(first.SessionId))!;
            command.ObserverCapacity = 2;
            Assert.True(await sessions.UpdateAsync(command));
        });

        Assert.Equal(ParticipantStatus.Nominated, (await factory.DelegationAsync(second.DelegationId)).Participants.Single().Status);
        Assert.Contains(await factory.NoticesToAsync(waiting), n => n.Kind == "participants.promoted");
        Assert.Contains(await factory.NoticesToAsync(second.FocalPoint.Email!), n => n.Kind == "delegations.promoted");
    }

    [Fact]
    public async Task The_focal_points_list_of_delegations_is_paged()
    {
        var bodyId = await factory.AddBodyAsync(BodyKind.Assembly);
        var organisationId = await factory.AddOrganisationAsync($"Frequent Observer {OrganisationSeeding.UniqueToken()}", Sessions.Core.Organisations.OrganisationCategory.IntergovernmentalOrganisation);
        var sessionIds = new List<int>();
        for (var i = 0; i < ListDelegationsPageSize + 1; i++)
        {
            var sessionId = await factory.AddSessionAsync(bodyId, new DateOnly(2040, 1, 1).AddDays(-7 * i), title: $"Meeting number {i:00}");
            await factory.AddDelegationAsync(sessionId, organisationId, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Draft, [DelegationBuilders.Nominee("Ida", "Often")]);
            sessionIds.Add(sessionId);
        }

        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, organisationId);

        var first = await client.GetStringAsync("/delegations");
        var second = await client.GetStringAsync("/delegations?page=2");

        Assert.Contains("Page 1 of 2", first);
        Assert.Contains("Meeting number 00", first);
        Assert.DoesNotContain($"Meeting number {ListDelegationsPageSize:00}", first);
        Assert.Contains($"Meeting number {ListDelegationsPageSize:00}", second);
        Assert.DoesNotContain("Meeting number 00", second);
    }

    private const int ListDelegationsPageSize = Sessions.Web.Features.Registration.Delegations.ListDelegations.PageSize;
}
