using System.Text.RegularExpressions;
using Sessions.Core.Accounts;
using Sessions.Core.Accreditation;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.SessionsFeature.Schedule;

/// <summary>The public session page: its deadlines at the venue, and "Register a delegation" for a focal point whose organisation may.</summary>
public sealed class PublicSessionPageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_public_session_page_shows_its_deadlines_at_the_venue_s_clock()
    {
        var year = DateTime.UtcNow.Year + 1;
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), new DateOnly(year, 5, 10), configure: s =>
        {
            s.NominationDeadline = new DateTime(year, 4, 1, 9, 0, 0, DateTimeKind.Utc);
            s.RegistrationDeadline = new DateTime(year, 4, 15, 20, 59, 0, DateTimeKind.Utc);
            s.SetInscriptionWindow(new DateTime(year, 5, 1, 6, 0, 0, DateTimeKind.Utc), null);
        });

        var page = await factory.CreateBrowser().GetStringAsync($"/sessions/{sessionId}");

        Assert.Matches($"nomination-deadline\">\\s*<time datetime=\"{year}-04-01T12:00\"", page);
        Assert.Matches($"registration-deadline\">\\s*<time datetime=\"{year}-04-15T23:59\"", page);
        // No statement deadline set: the default, the start of the day two weeks before the opening.
        Assert.Matches($"statement-deadline\">\\s*<time datetime=\"{year}-04-26T00:00\"", page);
        Assert.Matches($"inscription-opens\">\\s*<time datetime=\"{year}-05-01T09:00\"", page);
        Assert.Matches("inscription-closes\">\\s*<span class=\"text-muted\">None<", page);
    }

    [Fact]
    public async Task Only_a_focal_point_whose_organisation_may_register_sees_Register_a_delegation()
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(45)));
        var url = $"/sessions/{sessionId}";
        var igo = await factory.AddOrganisationAsync($"IGO {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);
        var accredited = await factory.AddOrganisationAsync($"Accredited {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        await factory.AddAccreditationAsync(accredited, AccreditationBasis.HabitatIII);
        var unaccredited = await factory.AddOrganisationAsync($"Unaccredited {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var registered = await factory.AddOrganisationAsync($"Registered {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);
        await factory.AddDelegationAsync(sessionId, registered, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Draft, []);

        async Task<string> PageAs(int organisationId)
        {
            var client = factory.CreateBrowser();
            await client.SignInAsFocalPointOfAsync(factory, organisationId);
            return await client.GetStringAsync(url);
        }

        Assert.Contains($"/delegations/new?sessionId={sessionId}&amp;organisationId={igo}", await PageAs(igo), StringComparison.Ordinal);
        Assert.Contains($"/delegations/new?sessionId={sessionId}&amp;organisationId={accredited}", await PageAs(accredited), StringComparison.Ordinal);
        Assert.DoesNotContain("register-delegation", await PageAs(unaccredited), StringComparison.Ordinal);
        Assert.DoesNotContain("register-delegation", await PageAs(registered), StringComparison.Ordinal);
        Assert.DoesNotContain("register-delegation", await factory.CreateBrowser().GetStringAsync(url), StringComparison.Ordinal);
        var secretariat = factory.CreateBrowser();
        await secretariat.SignInAsAsync(factory, Roles.Secretariat);
        Assert.DoesNotContain("register-delegation", await secretariat.GetStringAsync(url), StringComparison.Ordinal);
        var delegate_ = factory.CreateBrowser();
        await delegate_.SignInAsAsync(factory, Roles.Delegate);
        Assert.DoesNotContain("register-delegation", await delegate_.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_a_delegation_is_not_offered_once_nominations_have_closed()
    {
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(45)),
            configure: s => s.NominationDeadline = DateTime.UtcNow.AddHours(-1));
        var client = factory.CreateBrowser();
        await client.SignInAsFocalPointOfAsync(factory, await factory.AddOrganisationAsync($"Late {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation));

        var page = await client.GetStringAsync($"/sessions/{sessionId}");

        Assert.DoesNotContain("register-delegation", page, StringComparison.Ordinal);
        Assert.Matches(new Regex("nomination-deadline\">\\s*<time"), page);
    }
}
