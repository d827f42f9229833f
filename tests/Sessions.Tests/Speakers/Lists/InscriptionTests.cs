using System.Net;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Notices;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Speakers.Lists;

/// <summary>Asking for the floor through the inscription page, and the misuse it refuses.</summary>
public sealed class InscriptionTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task Focal_point_inscribes_their_approved_delegation_and_the_confirmation_lands_in_the_outbox()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(session);
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var client = factory.CreateBrowser();
        var focalPoint = await client.SignInAsFocalPointOfAsync(factory, delegation.OrganisationId);

        var page = await client.GetStringAsync($"/speakers/{listId}/inscribe");
        Assert.Contains("name=\"DelegationId\" value=\"" + delegation.DelegationId + "\"", page, StringComparison.Ordinal);
        var response = await client.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[0], level: LevelOfRepresentation.Minister));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/speakers/mine", response.Headers.Location!.OriginalString);
        var inscription = Assert.Single(await factory.InscriptionsOfAsync(listId));
        Assert.Equal(
            (delegation.DelegationId, InscriptionKind.Statement, Capacity.Member, LevelOfRepresentation.Minister, (int?)delegation.ParticipantIds[0], focalPoint.Id),
            (inscription.DelegationId, inscription.Kind, inscription.Capacity, inscription.Level, inscription.SpeakerParticipantId, inscription.InscribedByUserId));
        var notices = await factory.NoticesToAsync(focalPoint.Email!);
        Assert.Contains(notices, n => n.Kind == NoticeKinds.SpeakerInscriptionConfirmed.Key);

        var mine = await client.GetStringAsync("/speakers/mine");
        Assert.Contains("class=\"slot-place\">1</td>", mine, StringComparison.Ordinal);
        Assert.Contains("class=\"slot-ahead\">0</td>", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delegate_attaches_the_text_of_the_statement_which_stays_with_the_slot()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(session);
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId, OrganisationCategory.IntergovernmentalOrganisation, Capacity.IntergovernmentalOrganisation);
        var client = factory.CreateBrowser();
        await client.SignInAsDelegateAsync(factory, delegation.ParticipantIds[1]);

        var fields = SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[1], level: LevelOfRepresentation.Other);
        var response = await client.PostFileAsync($"/speakers/{listId}/inscribe", "StatementFile", "statement.pdf", TestPdf.Bytes("our statement"), "application/pdf", fields, $"/speakers/{listId}/inscribe");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var inscription = Assert.Single(await factory.InscriptionsOfAsync(listId));
        Assert.NotNull(inscription.StatementFileId);
        var statement = await client.GetAsync($"/speakers/inscriptions/{inscription.Id}/statement");
        Assert.Equal(HttpStatusCode.OK, statement.StatusCode);
        Assert.Contains("our statement", await statement.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stranger = factory.CreateBrowser();
        await stranger.SignInAsAsync(factory, Roles.Delegate);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/speakers/inscriptions/{inscription.Id}/statement")).StatusCode);
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/speakers/inscriptions/{inscription.Id}/statement")).StatusCode);
    }

    [Fact]
    public async Task A_statement_that_is_not_a_pdf_is_refused_and_nothing_is_inscribed()
    {
        var (client, listId, delegation) = await FocalPointOnAListAsync();
        var fields = SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[0]);

        var response = await client.PostFileAsync($"/speakers/{listId}/inscribe", "StatementFile", "statement.pdf", TestPdf.WordDocument(), "application/pdf", fields, $"/speakers/{listId}/inscribe");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The file is not a PDF document.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await factory.InscriptionsOfAsync(listId));
    }

    [Fact]
    public async Task An_empty_statement_pdf_is_refused_as_empty_not_taken_for_no_file()
    {
        var (client, listId, delegation) = await FocalPointOnAListAsync();
        var fields = SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[0]);

        var response = await client.PostFileAsync($"/speakers/{listId}/inscribe", "StatementFile", "statement.pdf", [], "application/pdf", fields, $"/speakers/{listId}/inscribe");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The file is empty.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await factory.InscriptionsOfAsync(listId));
    }

    [Fact]
    public async Task A_delegation_that_is_not_approved_is_refused_with_the_reason()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(session);
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId, status: RegistrationStatus.Submitted);
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, delegation.OrganisationId);

        var page = await client.GetStringAsync($"/speakers/{listId}/inscribe");
        Assert.Contains("is not approved for this session yet", page, StringComparison.Ordinal);
        var response = await client.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only a delegation approved for this session can ask for the floor.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await factory.InscriptionsOfAsync(listId));
    }

    [Fact]
    public async Task Someone_of_another_delegation_cannot_inscribe_it()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(session);
        var mine = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var theirs = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var client = factory.CreateBrowser();
        await client.SignInAsDelegateAsync(factory, mine.ParticipantIds[0]);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/speakers/{listId}/inscribe?delegationId={theirs.DelegationId}")).StatusCode);
        var response = await client.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(theirs.DelegationId, theirs.ParticipantIds[0]), $"/speakers/{listId}/inscribe");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await factory.InscriptionsOfAsync(listId));
    }

    [Fact]
    public async Task A_list_of_another_session_answers_404()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var other = await factory.AddSpeakersSessionAsync();
        var otherListId = await factory.AddSpeakersListAsync(other);
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, delegation.OrganisationId);

        var response = await client.InscribeAsync(otherListId, SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[0]), $"/speakers/{otherListId}/inscribe");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/speakers/{otherListId}/inscribe?delegationId={delegation.DelegationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/speakers/999999/inscribe")).StatusCode);
        Assert.Empty(await factory.InscriptionsOfAsync(otherListId));
    }

    [Fact]
    public async Task The_same_delegation_cannot_hold_two_statements_on_a_list()
    {
        var (client, listId, delegation) = await FocalPointOnAListAsync();
        var form = SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await client.InscribeAsync(listId, form)).StatusCode);

        var again = await client.InscribeAsync(listId, form);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This delegation is already inscribed for a statement on this list.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await factory.InscriptionsOfAsync(listId));
    }

    [Fact]
    public async Task A_closed_list_refuses_with_the_reason_and_keeps_what_was_typed()
    {
        var (client, listId, delegation) = await FocalPointOnAListAsync(l => l.Close(DateTime.UtcNow));

        var response = await client.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[1], InscriptionKind.GroupStatement, LevelOfRepresentation.ViceMinister, "the Group of 77 and China"));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li>This speakers list is closed.</li>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"the Group of 77 and China\"", html, StringComparison.Ordinal);
        Assert.Matches($"<option[^>]*value=\"{delegation.ParticipantIds[1]}\"[^>]*selected|<option[^>]*selected[^>]*value=\"{delegation.ParticipantIds[1]}\"", html);
        Assert.Empty(await factory.InscriptionsOfAsync(listId));
    }

    [Fact]
    public async Task Outside_the_inscription_window_the_request_is_refused_with_the_reason()
    {
        var (client, listId, delegation) = await FocalPointOnAListAsync(l => l.SetInscriptionWindow(DateTime.UtcNow.AddDays(1), DateTime.UtcNow.AddDays(2), DateTime.UtcNow));
        Assert.Contains("Inscription on this speakers list has not opened yet.", await client.GetStringAsync($"/speakers/{listId}/inscribe"), StringComparison.Ordinal);

        var response = await client.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[0], level: LevelOfRepresentation.HeadOfStateOrGovernment));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li>Inscription on this speakers list has not opened yet.</li>", html, StringComparison.Ordinal);
        Assert.Matches("<option[^>]*value=\"HeadOfStateOrGovernment\"[^>]*selected|<option[^>]*selected[^>]*value=\"HeadOfStateOrGovernment\"", html);
        Assert.Empty(await factory.InscriptionsOfAsync(listId));
    }

    [Fact]
    public async Task A_third_right_of_reply_is_refused()
    {
        var (client, listId, delegation) = await FocalPointOnAListAsync();
        foreach (var round in new[] { ReplyRound.First, ReplyRound.Second })
        {
            var reply = await client.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[0], InscriptionKind.RightOfReply, round: round));
            Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        }

        var third = await client.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[0], InscriptionKind.RightOfReply, round: ReplyRound.Second));

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Contains("A delegation has at most 2 rights of reply on an agenda item.", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, (await factory.InscriptionsOfAsync(listId)).Count);
    }

    [Fact]
    public async Task A_speaker_who_is_not_in_the_delegation_is_refused()
    {
        var (client, listId, delegation) = await FocalPointOnAListAsync();
        var other = await factory.AddSpeakingDelegationAsync(await factory.WithDbAsync(db => db.SpeakersLists.Where(l => l.Id == listId).Select(l => l.SessionId).SingleAsync()));

        var response = await client.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(delegation.DelegationId, other.ParticipantIds[0]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The speaker must be a member of the delegation.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await factory.InscriptionsOfAsync(listId));
    }

    [Fact]
    public async Task Only_the_secretariat_inscribes_a_point_of_order_and_it_may_do_so_on_a_closed_list()
    {
        var (client, listId, delegation) = await FocalPointOnAListAsync(l => l.Close(DateTime.UtcNow));
        var pointOfOrder = SpeakersListBuilders.InscriptionForm(delegation.DelegationId, null, InscriptionKind.PointOfOrder, LevelOfRepresentation.Other);

        var byDelegation = await client.InscribeAsync(listId, pointOfOrder);
        Assert.Contains("A point of order is raised from the floor: the secretariat inscribes it.", await byDelegation.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        var page = await secretariat.GetStringAsync($"/speakers/{listId}/inscribe");
        Assert.Contains($"<option value=\"{delegation.DelegationId}\"", page, StringComparison.Ordinal);
        var fromTheConsole = await secretariat.GetStringAsync($"/speakers/{listId}/inscribe?delegationId={delegation.DelegationId}&kind=PointOfOrder");
        Assert.Matches("<option[^>]*selected[^>]*value=\"PointOfOrder\"|<option[^>]*value=\"PointOfOrder\"[^>]*selected", fromTheConsole);
        var bySecretariat = await secretariat.InscribeAsync(listId, pointOfOrder);

        Assert.Equal(HttpStatusCode.Redirect, bySecretariat.StatusCode);
        var inscription = Assert.Single(await factory.InscriptionsOfAsync(listId));
        Assert.Equal((InscriptionKind.PointOfOrder, (int?)null), (inscription.Kind, inscription.SpeakerParticipantId));
    }

    [Fact]
    public async Task A_delegate_withdraws_their_own_entry_but_not_another_delegations()
    {
        var (client, listId, delegation) = await FocalPointOnAListAsync();
        var other = await factory.AddSpeakingDelegationAsync(await factory.WithDbAsync(db => db.SpeakersLists.Where(l => l.Id == listId).Select(l => l.SessionId).SingleAsync()));
        var otherClient = factory.CreateBrowser();
        await otherClient.SignInAsFocalPointOfAsync(factory, other.OrganisationId);
        Assert.Equal(HttpStatusCode.Redirect, (await client.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await otherClient.InscribeAsync(listId, SpeakersListBuilders.InscriptionForm(other.DelegationId, other.ParticipantIds[0]))).StatusCode);
        var entries = await factory.InscriptionsOfAsync(listId);
        var own = entries.Single(i => i.DelegationId == delegation.DelegationId);
        var theirs = entries.Single(i => i.DelegationId == other.DelegationId);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostConfirmedFormAsync($"/speakers/mine/{theirs.Id}/withdraw", new { }, "/speakers/mine")).StatusCode);
        var withdrawn = await client.PostConfirmedFormAsync($"/speakers/mine/{own.Id}/withdraw", new { }, "/speakers/mine");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var after = await factory.InscriptionsOfAsync(listId);
        Assert.Equal(SpeakerStatus.Withdrawn, after.Single(i => i.Id == own.Id).Status);
        Assert.Equal(SpeakerStatus.Waiting, after.Single(i => i.Id == theirs.Id).Status);
        Assert.Contains("class=\"slot-place\">1</td>", await otherClient.GetStringAsync("/speakers/mine"), StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, int ListId, SpeakersListBuilders.SpeakingDelegation Delegation)> FocalPointOnAListAsync(Action<SpeakersList>? configure = null)
    {
        var session = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(session, configure);
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, delegation.OrganisationId);
        return (client, listId, delegation);
    }
}
