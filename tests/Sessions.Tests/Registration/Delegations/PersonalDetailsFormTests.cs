using Microsoft.EntityFrameworkCore;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Registration.Delegations;

/// <summary>The focal point's nomination form and the nominee's confirmation page share the person's details (PersonalDetailsForm and its fields).</summary>
public sealed class PersonalDetailsFormTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_nomination_form_and_the_confirmation_page_both_offer_the_language_and_the_consent_with_the_nominees_choice()
    {
        var scenario = await factory.StartDelegationAsync();
        var email = DelegationBuilders.NewEmail("nominee");
        await scenario.Client.NominateAsync(scenario.DelegationId, email, givenName: "Inès", familyName: "Roussel", consent: true, language: "es");
        var (participantId, token) = await factory.WithDbAsync(db => db.Participants.Where(p => p.Email == email).Select(p => new Tuple<int, string>(p.Id, p.ConfirmationToken)).SingleAsync());

        var nomination = await scenario.Client.GetStringAsync($"/delegations/{scenario.DelegationId}/participants/new");
        var edit = await scenario.Client.GetStringAsync($"/delegations/{scenario.DelegationId}/participants/{participantId}/edit");
        var confirmation = await factory.CreateBrowser().GetStringAsync($"/participants/confirm/{token}");

        foreach (var page in new[] { nomination, edit, confirmation })
        {
            Assert.Contains("name=\"PreferredLanguage\"", page);
            Assert.Contains("name=\"ConsentToPublicList\"", page);
            Assert.Contains("lang=\"ar\"", page);
        }

        foreach (var page in new[] { edit, confirmation })
        {
            Assert.Matches("<option value=\"es\" lang=\"es\" selected=\"selected\">", page);
            Assert.Matches("<input[^>]*checked=\"checked\"[^>]*name=\"ConsentToPublicList\"|<input[^>]*name=\"ConsentToPublicList\"[^>]*checked=\"checked\"", page);
            Assert.Contains("value=\"Roussel\"", page);
        }
    }
}
