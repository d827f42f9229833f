using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Registration;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Registration.VisaLetters.VisaLetterTestData;

namespace Sessions.Tests.Registration.VisaLetters;

/// <summary>A participant or their focal point asks for a visa support letter; the deadline, who may ask and see, and the audit.</summary>
public sealed class VisaLetterRequestTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task A_participant_asks_through_their_link_and_is_told_in_their_language()
    {
        var nominee = await factory.NomineeAsync(language: "fr");
        var anonymous = factory.CreateBrowser("fr");

        var form = await anonymous.GetAsync(nominee.LinkPage);
        var response = await anonymous.PostPageFormAsync(nominee.LinkPage, PassportForm());

        Assert.True(form.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var request = await factory.RequestOfAsync(nominee.ParticipantId);
        Assert.Equal((VisaLetterStatus.Requested, PassportNumber, "KE", "Geneva", "CH"), (request.Status, request.PassportNumber, request.Nationality, request.ConsulateCity, request.ConsulateCountry));
        Assert.Null(request.RequestedByUserId);
        var message = await factory.WaitForMessageAsync(nominee.Email, m => m.Headers["X-Sessions-Notice"] == "visa.requested");
        Assert.StartsWith("Nous avons reçu votre demande de lettre d’appui pour le visa", message.Subject);
        Assert.Contains(nominee.LinkPage, message.TextBody);
        Assert.DoesNotContain(PassportNumber, message.TextBody);
        Assert.Contains("Demandée", await anonymous.GetPageTextAsync(nominee.LinkPage));
    }

    [Fact]
    public async Task A_request_after_the_deadline_is_refused_with_what_was_typed_kept()
    {
        var nominee = await factory.NomineeAsync(configure: s => s.VisaRequestDeadline = DateTime.UtcNow.AddMinutes(-1));

        var response = await factory.CreateBrowser().PostPageFormAsync(nominee.LinkPage, PassportForm(city: "Addis Ababa"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.PageTextAsync();
        Assert.Contains("The deadline for visa letter requests has passed.", page);
        Assert.Contains($"value=\"{PassportNumber}\"", page);
        Assert.Contains("value=\"Addis Ababa\"", page);
        Assert.Contains("value=\"2034-01-14\"", page);
        Assert.False(await factory.WithDbAsync(db => db.VisaLetterRequests.AnyAsync(r => r.ParticipantId == nominee.ParticipantId)));
    }

    [Fact]
    public async Task One_request_at_a_time_and_only_for_a_participant_holding_a_place()
    {
        var nominee = await factory.NomineeAsync();
        await factory.AskAsync(nominee);

        var again = await factory.CreateBrowser().PostPageFormAsync(nominee.LinkPage, PassportForm("PB0000001"));
        var withdrawn = await nominee.Scenario.AnotherNomineeAsync(factory, familyName: "Withdrawn");
        await nominee.Scenario.Client.PostConfirmedPageFormAsync(
            $"/delegations/{nominee.Scenario.DelegationId}/participants/{withdrawn.ParticipantId}/withdraw", new { }, $"/delegations/{nominee.Scenario.DelegationId}");
        var afterWithdrawal = await factory.CreateBrowser().PostPageFormAsync(withdrawn.LinkPage, PassportForm());

        Assert.Contains("A visa support letter has already been asked for this participant.", await again.PageTextAsync());
        Assert.Contains("Only a participant holding a place in the delegation can ask for a visa support letter.", await afterWithdrawal.PageTextAsync());
        Assert.Equal(1, await factory.WithDbAsync(db => db.VisaLetterRequests.CountAsync(r => r.ParticipantId == nominee.ParticipantId || r.ParticipantId == withdrawn.ParticipantId)));
    }

    [Fact]
    public async Task The_focal_point_asks_from_the_delegation_page_and_a_linked_account_from_its_own()
    {
        var nominee = await factory.NomineeAsync();
        var second = await nominee.Scenario.AnotherNomineeAsync(factory, familyName: "Second");
        var delegate_ = await factory.SignedInDelegateAsync(second.ParticipantId);

        var delegation = await nominee.Scenario.Client.GetStringAsync($"/delegations/{nominee.Scenario.DelegationId}");
        var byFocalPoint = await nominee.Scenario.Client.PostPageFormAsync(nominee.AccountPage, PassportForm());
        var byDelegate = await delegate_.PostPageFormAsync(second.AccountPage, PassportForm("PC1234567"));

        Assert.Contains($"href=\"{nominee.AccountPage}\"", delegation);
        Assert.Equal(HttpStatusCode.Redirect, byFocalPoint.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byDelegate.StatusCode);
        Assert.Equal(nominee.Scenario.FocalPoint.Id, (await factory.RequestOfAsync(nominee.ParticipantId)).RequestedByUserId);
        Assert.Equal("PC1234567", (await factory.RequestOfAsync(second.ParticipantId)).PassportNumber);
    }

    [Fact]
    public async Task Another_focal_point_another_delegate_or_a_wrong_link_find_nothing()
    {
        var nominee = await factory.NomineeAsync();
        var request = await factory.AskAsync(nominee);
        Assert.Equal(HttpStatusCode.Redirect, (await (await factory.SecretariatAsync()).ApproveAsync(request)).StatusCode);
        var otherFocalPoint = (await factory.StartDelegationAsync(sessionId: nominee.Scenario.SessionId)).Client;
        var otherDelegate = await factory.SignedInDelegateAsync((await factory.NomineeAsync()).ParticipantId);
        var anonymous = factory.CreateBrowser();
        string[] pages = [nominee.AccountPage, nominee.AccountPage + "/letter"];

        foreach (var client in new[] { otherFocalPoint, otherDelegate })
        {
            foreach (var page in pages)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(nominee.AccountPage, PassportForm(), "/account/change-password")).StatusCode);
            await client.AssertForbiddenAsync($"/visa-letters/{request.Id}");
            await client.AssertForbiddenAsync($"/visa-letters/{request.Id}/letter");
            await client.AssertForbiddenAsync($"/sessions/manage/{nominee.Scenario.SessionId}/visa-letters");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/participants/confirm/{Participant.NewToken()}/visa-letter")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/participants/confirm/{Participant.NewToken()}/visa-letter/letter")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(nominee.AccountPage)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(nominee.LinkPage + "/letter")).StatusCode);
        Assert.DoesNotContain(PassportNumber, await anonymous.GetStringAsync($"/sessions/{nominee.Scenario.SessionId}"));
    }

    [Fact]
    public async Task The_audit_records_that_passport_data_changed_never_its_values()
    {
        var nominee = await factory.NomineeAsync();
        var request = await factory.AskAsync(nominee);

        var entry = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(VisaLetterRequest) && e.EntityId == request.Id.ToString() && e.Action == "Added"));

        Assert.DoesNotContain(PassportNumber, entry.Changes);
        Assert.DoesNotContain("1980", entry.Changes);
        Assert.DoesNotContain("Geneva", entry.Changes);
        var changes = JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(entry.Changes)!;
        Assert.Equal("***", changes[nameof(VisaLetterRequest.PassportNumber)][1].GetString());
        Assert.Equal("***", changes[nameof(VisaLetterRequest.DateOfBirth)][1].GetString());
        Assert.Equal(nominee.ParticipantId, changes[nameof(VisaLetterRequest.ParticipantId)][1].GetInt32());
    }
}
