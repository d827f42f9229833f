using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sessions.Core.Registration;
using Sessions.Tests.Accounts;
using Sessions.Tests.Infrastructure;
using Sessions.Tests.Registration.VisaLetters;

namespace Sessions.Tests.Registration.SpecialRequirements;

/// <summary>Accessibility and dietary needs: stated by the participant or their focal point, listed for the secretariat, hidden from everyone else.</summary>
public sealed class SpecialRequirementsTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static Task<Core.Registration.SpecialRequirements?> NeedsAsync(SessionsAppFactory factory, int participantId) =>
        factory.WithDbAsync(db => db.SpecialRequirements.AsNoTracking().SingleOrDefaultAsync(r => r.ParticipantId == participantId));

    [Fact]
    public async Task A_participant_states_their_needs_through_their_link_and_their_focal_point_sees_them()
    {
        var nominee = await factory.NomineeAsync();
        var page = $"/participants/confirm/{nominee.Token}/requirements";
        var anonymous = factory.CreateBrowser();

        var confirm = await anonymous.GetStringAsync($"/participants/confirm/{nominee.Token}");
        var response = await anonymous.PostPageFormAsync(page, new { WheelchairAccess = "true", SignLanguageInterpretation = "true", OtherAccessibility = "Step-free route to the room", Dietary = "Vegetarian" });

        Assert.Contains($"href=\"{page}\"", confirm);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var needs = (await NeedsAsync(factory, nominee.ParticipantId))!.Needs;
        Assert.Equal(new Needs(true, true, false, "Step-free route to the room", "Vegetarian"), needs);
        var form = await nominee.Scenario.Client.GetStringAsync($"/delegations/{nominee.Scenario.DelegationId}/participants/{nominee.ParticipantId}/edit");
        Assert.Matches("name=\"Needs.WheelchairAccess\" value=\"true\" checked=\"checked\"", form);
        Assert.DoesNotMatch("name=\"Needs.SupportPerson\" value=\"true\" checked", form);
        Assert.Contains("Step-free route to the room", form);
        Assert.Contains("value=\"Vegetarian\"", form);
    }

    [Fact]
    public async Task A_focal_point_states_needs_when_nominating_and_when_editing()
    {
        var scenario = await factory.StartDelegationAsync();
        var email = DelegationBuilders.NewEmail("needs");
        var nominated = await scenario.Client.PostPageFieldsAsync(
            $"/delegations/{scenario.DelegationId}/participants/new",
            DelegationBuilders.NominationForm(email, "Kofi", "Mensah").WithNeeds(("Needs.SupportPerson", "true"), ("Needs.Dietary", "Halal")));
        Assert.Equal(HttpStatusCode.Redirect, nominated.StatusCode);
        var participantId = (await factory.DelegationAsync(scenario.DelegationId)).Participants.Single().Id;
        Assert.Equal(new Needs(false, false, true, null, "Halal"), (await NeedsAsync(factory, participantId))!.Needs);

        var edited = await scenario.Client.PostPageFieldsAsync(
            $"/delegations/{scenario.DelegationId}/participants/{participantId}/edit",
            DelegationBuilders.NominationForm(email, "Kofi", "Mensah").WithNeeds(("Needs.WheelchairAccess", "true")));

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(new Needs(true, false, false, null, null), (await NeedsAsync(factory, participantId))!.Needs);
    }

    [Fact]
    public async Task The_secretariat_lists_the_needs_of_a_sessions_participants()
    {
        var nominee = await factory.NomineeAsync();
        var other = await nominee.Scenario.AnotherNomineeAsync(factory, familyName: "Nothing");
        await nominee.Scenario.Client.PostPageFormAsync($"/participants/{nominee.ParticipantId}/requirements", new { SupportPerson = "true", Dietary = "Gluten-free" });
        var secretariat = await factory.SecretariatAsync();
        var url = $"/sessions/manage/{nominee.Scenario.SessionId}/special-requirements";

        var list = await secretariat.GetPageTextAsync(url);
        var manage = await secretariat.GetStringAsync($"/sessions/manage/{nominee.Scenario.SessionId}");

        Assert.Contains($"href=\"{url}\"", manage);
        Assert.Contains($"id=\"requirements-{nominee.ParticipantId}\"", list);
        Assert.Contains("A support person", list);
        Assert.Contains("Gluten-free", list);
        Assert.DoesNotContain($"id=\"requirements-{other.ParticipantId}\"", list);
    }

    [Fact]
    public async Task Needs_are_hidden_from_another_focal_point_another_delegate_and_the_audit()
    {
        var nominee = await factory.NomineeAsync();
        var page = $"/participants/{nominee.ParticipantId}/requirements";
        await nominee.Scenario.Client.PostPageFormAsync(page, new { WheelchairAccess = "true", Dietary = "Kosher" });
        var otherFocalPoint = (await factory.StartDelegationAsync(sessionId: nominee.Scenario.SessionId)).Client;
        var otherDelegate = await factory.SignedInDelegateAsync((await factory.NomineeAsync()).ParticipantId);
        var own = await factory.SignedInDelegateAsync(nominee.ParticipantId);

        foreach (var client in new[] { otherFocalPoint, otherDelegate })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync(page, new { Dietary = "None" }, "/account/change-password")).StatusCode);
            await client.AssertForbiddenAsync($"/sessions/manage/{nominee.Scenario.SessionId}/special-requirements");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateBrowser().GetAsync($"/participants/confirm/{Participant.NewToken()}/requirements")).StatusCode);
        Assert.Contains("value=\"Kosher\"", await own.GetStringAsync(page));
        Assert.Equal("Kosher", (await NeedsAsync(factory, nominee.ParticipantId))!.Dietary);
        var entry = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(Core.Registration.SpecialRequirements) && e.EntityId == nominee.ParticipantId.ToString() && e.Action == "Added"));
        Assert.DoesNotContain("Kosher", entry.Changes);
        Assert.Equal("***", JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(entry.Changes)![nameof(Needs.Dietary)][1].GetString());
    }
}

internal static class NeedsFormFields
{
    /// <summary>The fields of a form object with the needs' dotted names added (an anonymous type cannot spell them).</summary>
    public static List<KeyValuePair<string, string>> WithNeeds(this object fields, params (string Name, string Value)[] needs) =>
        [.. HttpClientExtensions.ToFields(fields), .. needs.Select(n => new KeyValuePair<string, string>(n.Name, n.Value))];

    /// <summary>Posts fields as the page's form would: with its antiforgery token and the version it was opened on.</summary>
    public static async Task<HttpResponseMessage> PostPageFieldsAsync(this HttpClient client, string url, List<KeyValuePair<string, string>> fields)
    {
        var (token, version) = await client.ReadFormAsync(url);
        return await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("Version", version), new("__RequestVerificationToken", token)]));
    }
}
