using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using Sessions.Web.Features.Registration.Review;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Registration.Review;

public sealed class BulkDecisionTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private async Task<(int SessionId, string Symbol)> NewSessionAsync()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 5, 12));
        var symbol = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().Sessions.Where(s => s.Id == sessionId).Select(s => s.Symbol).SingleAsync());
        return (sessionId, symbol);
    }

    private static IEnumerable<KeyValuePair<string, string>> Ids(params int[] ids) =>
        ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Approving_several_delegations_approves_their_participants_issues_badges_and_tells_everyone_in_their_language()
    {
        var (sessionId, symbol) = await NewSessionAsync();
        var token = OrganisationSeeding.UniqueToken();
        var frenchOrg = await factory.AddOrganisationAsync($"Amis de l'habitat {token}", "fr", OrganisationCategory.NonGovernmentalOrganisation);
        var spanishOrg = await factory.AddOrganisationAsync($"Ciudades Unidas {token}", "es", OrganisationCategory.LocalOrRegionalGovernment);
        var arabic = Nominee("Layla", "Haddad", ParticipantFunction.HeadOfDelegation, language: "ar");
        var chinese = Nominee("Wei", "Zhang", language: "zh");
        var waiting = Nominee("Late", "Comer");
        var first = await factory.AddDelegationAsync(sessionId, frenchOrg, Capacity.Stakeholder, RegistrationStatus.Submitted, [arabic], waitlisted: [waiting]);
        var second = await factory.AddDelegationAsync(sessionId, spanishOrg, Capacity.Stakeholder, RegistrationStatus.Submitted, [chinese]);
        var frenchFocalPoint = await factory.AddFocalPointAsync(frenchOrg, "fr");
        var spanishFocalPoint = await factory.AddFocalPointAsync(spanishOrg, "es");
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.PostConfirmedFormAsync("/registrations/review/approve", Ids(first.Id, second.Id).Append(new("sessionId", sessionId.ToString(CultureInfo.InvariantCulture))), $"/registrations/review?sessionId={sessionId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(RegistrationStatus.Approved, (await factory.DelegationAsync(first.Id)).Status);
        Assert.Equal(RegistrationStatus.Approved, (await factory.DelegationAsync(second.Id)).Status);
        var layla = await factory.ParticipantAsync(first.ParticipantIds[0]);
        var late = await factory.ParticipantAsync(first.ParticipantIds[1]);
        var wei = await factory.ParticipantAsync(second.ParticipantIds[0]);
        Assert.Equal(ParticipantStatus.Approved, layla.Status);
        Assert.Matches("^[0-9a-f]{40}$", layla.BadgeToken!);
        Assert.Matches("^[0-9a-f]{40}$", wei.BadgeToken!);
        Assert.Equal(ParticipantStatus.Waitlisted, late.Status);
        Assert.Null(late.BadgeToken);

        var toFrench = await factory.WaitForMessageAsync(frenchFocalPoint.Email!);
        Assert.Equal($"La délégation de Amis de l'habitat {token} à la session {symbol} est approuvée", toFrench.Subject);
        Assert.Contains("Participants approuvés : 1. Toujours sur la liste d’attente : 1.", toFrench.TextBody);
        var toSpanish = await factory.WaitForMessageAsync(spanishFocalPoint.Email!);
        Assert.Equal($"Se ha aprobado la delegación de Ciudades Unidas {token} en {symbol}", toSpanish.Subject);
        var toLayla = await factory.WaitForMessageAsync(arabic.Email);
        Assert.Equal($"تمت الموافقة على تسجيلك في {symbol}", toLayla.Subject);
        Assert.Equal($"/badges/{layla.BadgeToken}", toLayla.LinkTo($"/badges/{layla.BadgeToken}"));
        // The approval leads to the invitation's account step too: the participant's own account, linked.
        Assert.Equal($"/participants/confirm/{layla.ConfirmationToken}", toLayla.LinkTo($"/participants/confirm/{layla.ConfirmationToken}"));
        var toWei = await factory.WaitForMessageAsync(chinese.Email);
        Assert.Equal($"您出席 {symbol} 的登记已获批准", toWei.Subject);
        Assert.DoesNotContain(factory.Messages(), m => m.To.Mailboxes.Any(b => b.Address == waiting.Email));
    }

    [Fact]
    public async Task Delegations_that_are_not_submitted_are_skipped_with_a_message_and_the_others_approved()
    {
        var (sessionId, _) = await NewSessionAsync();
        var token = OrganisationSeeding.UniqueToken();
        var submitted = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync($"Ready {token}", OrganisationCategory.NonGovernmentalOrganisation), Capacity.Stakeholder, RegistrationStatus.Submitted, [Nominee("Ready", "One")]);
        var approved = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync($"Done Before {token}", OrganisationCategory.NonGovernmentalOrganisation), Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Done", "Two")]);
        var draft = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync($"Still Drafting {token}", OrganisationCategory.NonGovernmentalOrganisation), Capacity.Stakeholder, RegistrationStatus.Draft, [Nominee("Draft", "Three")]);
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.PostConfirmedFormAsync("/registrations/review/approve", Ids(submitted.Id, approved.Id, draft.Id, 987654).Append(new("sessionId", sessionId.ToString(CultureInfo.InvariantCulture))), $"/registrations/review?sessionId={sessionId}");
        var page = await client.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("1 delegation approved.", page);
        Assert.Contains($"Done Before {token} was left as it is: only a submitted delegation can be decided, and this one is Approved.", System.Net.WebUtility.HtmlDecode(page));
        Assert.Contains($"Still Drafting {token} was left as it is: only a submitted delegation can be decided, and this one is Draft.", System.Net.WebUtility.HtmlDecode(page));
        Assert.Contains("Delegation 987654 no longer exists.", page);
        Assert.Equal(RegistrationStatus.Approved, (await factory.DelegationAsync(submitted.Id)).Status);
        Assert.Equal(RegistrationStatus.Draft, (await factory.DelegationAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task Rejecting_without_a_reason_is_refused_and_keeps_the_ticked_delegations()
    {
        var (sessionId, _) = await NewSessionAsync();
        var delegation = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync($"No Reason {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation), Capacity.Stakeholder, RegistrationStatus.Submitted, [Nominee("Kept", "Waiting")]);
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var response = await client.PostConfirmedFormAsync("/registrations/review/reject", Ids(delegation.Id).Append(new("reason", "  ")).Append(new("sessionId", sessionId.ToString(CultureInfo.InvariantCulture))), $"/registrations/review?sessionId={sessionId}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Give the reason for the rejection.", page);
        Assert.Matches($"value=\"{delegation.Id}\"[^>]*checked", page);
        Assert.Equal(RegistrationStatus.Submitted, (await factory.DelegationAsync(delegation.Id)).Status);
    }

    [Fact]
    public async Task Rejecting_with_a_reason_rejects_the_delegation_and_its_nominees_and_emails_the_reason()
    {
        var (sessionId, symbol) = await NewSessionAsync();
        var organisationId = await factory.AddOrganisationAsync($"Turned Down {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var nominee = Nominee("Pierre", "Martin", language: "fr");
        var waiting = Nominee("Wait", "Listed");
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Submitted, [nominee], waitlisted: [waiting]);
        var focalPoint = await factory.AddFocalPointAsync(organisationId, "ru");
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        const string reason = "The nomination letter is not signed by the head of the organisation.";

        var response = await client.PostConfirmedFormAsync($"/registrations/{delegation.Id}/reject", new { reason }, $"/registrations/{delegation.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rejected = await factory.DelegationAsync(delegation.Id);
        Assert.Equal(RegistrationStatus.Rejected, rejected.Status);
        Assert.Equal(reason, rejected.RejectionReason);
        Assert.All(rejected.Participants, p => Assert.Equal(ParticipantStatus.Rejected, p.Status));
        var toFocalPoint = await factory.WaitForMessageAsync(focalPoint.Email!);
        Assert.StartsWith("Делегация", toFocalPoint.Subject);
        Assert.Contains(reason, toFocalPoint.TextBody);
        var toPierre = await factory.WaitForMessageAsync(nominee.Email);
        Assert.Equal($"Votre inscription à la session {symbol} n’a pas été approuvée", toPierre.Subject);
        Assert.Contains(reason, toPierre.TextBody);
        Assert.Contains(reason, await client.GetStringAsync($"/registrations/{delegation.Id}"));
    }

    [Fact]
    public async Task The_bulk_approval_handler_decides_from_code_in_one_save()
    {
        var (sessionId, _) = await NewSessionAsync();
        var ids = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            var organisationId = await factory.AddOrganisationAsync($"Batch {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
            await factory.AddFocalPointAsync(organisationId, Languages.All[i % 6]);
            ids.Add((await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Submitted, [Nominee("A", "One"), Nominee("B", "Two")])).Id);
        }

        var secretariat = await factory.CreateUserAsync($"sec-{Guid.NewGuid():N}@test.sessions", "a-long-test-password", Roles.Secretariat);
        var outboxBefore = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails.CountAsync());

        var result = await factory.InScopeAsync(sp => sp.GetRequiredService<ApproveDelegations.Handler>().HandleAsync(ids, secretariat.Id));

        Assert.Equal(ids.Order(), result.Decided.Order());
        Assert.Empty(result.Skipped);
        var outboxAfter = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().OutboundEmails.CountAsync());
        Assert.Equal(20 * 3, outboxAfter - outboxBefore);
    }

    [Fact]
    public async Task A_bulk_decision_writes_one_audit_entry_per_delegation_naming_the_participants_it_changed()
    {
        var (sessionId, _) = await NewSessionAsync();
        var organisationId = await factory.AddOrganisationAsync($"Audited {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Submitted, [Nominee("One", "Approved"), Nominee("Two", "Approved")], waitlisted: [Nominee("Three", "Waiting")]);
        var secretariat = await factory.CreateUserAsync($"sec-{Guid.NewGuid():N}@test.sessions", "a-long-test-password", Roles.Secretariat);

        await factory.InScopeAsync(sp => sp.GetRequiredService<ApproveDelegations.Handler>().HandleAsync([delegation.Id], secretariat.Id));

        var participantIds = delegation.ParticipantIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var entries = await factory.InScopeAsync(sp => sp.GetRequiredService<SessionsDbContext>().AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == "Delegation" && e.EntityId == delegation.Id.ToString()) || (e.EntityType == "Participant" && participantIds.Contains(e.EntityId)))
            .Where(e => e.UserId == secretariat.Id)
            .ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal("Delegation", entry.EntityType);
        Assert.Equal("Modified", entry.Action);
        Assert.Equal(secretariat.UserName, entry.UserName);
        using var changes = System.Text.Json.JsonDocument.Parse(entry.Changes);
        Assert.Equal((int)RegistrationStatus.Submitted, changes.RootElement.GetProperty("Status")[0].GetInt32());
        Assert.Equal((int)RegistrationStatus.Approved, changes.RootElement.GetProperty("Status")[1].GetInt32());
        Assert.Equal(secretariat.Id, changes.RootElement.GetProperty("DecidedByUserId")[1].GetString());
        Assert.Equal(delegation.ParticipantIds.Take(2), changes.RootElement.GetProperty("ParticipantsApproved")[1].EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(ParticipantStatus.Waitlisted, (await factory.ParticipantAsync(delegation.ParticipantIds[2])).Status);
    }

    [Fact]
    public async Task Approving_again_after_an_edit_keeps_the_badge_already_issued()
    {
        var (sessionId, _) = await NewSessionAsync();
        var organisationId = await factory.AddOrganisationAsync($"Returning {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Kept", "Badge")]);
        var before = await factory.ParticipantAsync(delegation.ParticipantIds[0]);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var tracked = await db.Delegations.Include(d => d.Participants).SingleAsync(d => d.Id == delegation.Id);
            tracked.Nominate(Nominee("New", "Comer"), ParticipantStatus.Nominated, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var secretariat = await factory.CreateUserAsync($"sec-{Guid.NewGuid():N}@test.sessions", "a-long-test-password", Roles.Secretariat);

        var result = await factory.InScopeAsync(sp => sp.GetRequiredService<ApproveDelegations.Handler>().HandleAsync([delegation.Id], secretariat.Id));

        Assert.Equal([delegation.Id], result.Decided);
        var after = await factory.DelegationAsync(delegation.Id);
        Assert.All(after.Participants, p => Assert.Equal(ParticipantStatus.Approved, p.Status));
        Assert.Equal(before.BadgeToken, after.Participants.Single(p => p.Id == before.Id).BadgeToken);
        Assert.Matches("^[0-9a-f]{40}$", after.Participants.Single(p => p.Id != before.Id).BadgeToken!);
    }

    [Fact]
    public async Task Rejecting_a_delegation_sent_back_for_review_revokes_the_badges_already_issued()
    {
        var (sessionId, _) = await NewSessionAsync();
        var organisationId = await factory.AddOrganisationAsync($"Revoked {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Had", "Badge")]);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var tracked = await db.Delegations.Include(d => d.Participants).SingleAsync(d => d.Id == delegation.Id);
            tracked.Nominate(Nominee("Never", "Badged"), ParticipantStatus.Nominated, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var secretariat = await factory.CreateUserAsync($"sec-{Guid.NewGuid():N}@test.sessions", "a-long-test-password", Roles.Secretariat);

        await factory.InScopeAsync(sp => sp.GetRequiredService<RejectDelegations.Handler>().HandleAsync([delegation.Id], "Not this time.", secretariat.Id));

        var after = await factory.DelegationAsync(delegation.Id);
        Assert.Equal(RegistrationStatus.Rejected, after.Status);
        Assert.All(after.Participants, p => Assert.Equal(ParticipantStatus.Rejected, p.Status));
        Assert.All(after.Participants, p => Assert.Equal("Not this time.", p.RejectionReason));
        var badged = after.Participants.Single(p => p.Id == delegation.ParticipantIds[0]);
        Assert.NotNull(badged.BadgeRevokedAt);
        Assert.Null(after.Participants.Single(p => p.Id != badged.Id).BadgeRevokedAt);
        var secretariatBrowser = factory.CreateBrowser();
        await secretariatBrowser.SignInAsAsync(factory, Roles.Secretariat);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariatBrowser.GetAsync($"/badges/{badged.BadgeToken}")).StatusCode);
    }
}
