using System.Net;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Registration.Review;

public sealed class ReviewQueueTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private async Task<int> NewSessionAsync() =>
        await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 5, 12));

    private async Task<(int Id, string Name)> AddAsync(int sessionId, string name, OrganisationCategory category, Capacity capacity, RegistrationStatus status, string? country = null, DateTime? submittedAt = null)
    {
        var organisationId = await factory.AddOrganisationAsync(name, category, country);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, capacity, status, [Nominee("Ana", "Lima")], submittedAt: submittedAt);
        return (delegation.Id, name);
    }

    [Fact]
    public async Task The_queue_shows_submitted_delegations_by_default_and_filters_by_capacity_category_status_and_country()
    {
        var sessionId = await NewSessionAsync();
        var token = OrganisationSeeding.UniqueToken();
        var kenya = await AddAsync(sessionId, $"Kenya {token}", OrganisationCategory.MemberState, Capacity.Member, RegistrationStatus.Submitted, "KE");
        var ngo = await AddAsync(sessionId, $"Habitat Friends {token}", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, RegistrationStatus.Submitted, "FR");
        var city = await AddAsync(sessionId, $"City of Lyon {token}", OrganisationCategory.LocalOrRegionalGovernment, Capacity.Stakeholder, RegistrationStatus.Submitted, "FR");
        var approved = await AddAsync(sessionId, $"Already Approved {token}", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, RegistrationStatus.Approved, "FR");
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var all = await client.GetStringAsync($"/registrations/review?sessionId={sessionId}");
        Assert.Contains(kenya.Name, all);
        Assert.Contains(ngo.Name, all);
        Assert.Contains(city.Name, all);
        Assert.DoesNotContain(approved.Name, all);
        Assert.Contains($"/registrations/{kenya.Id}/letter", all);

        var stakeholders = await client.GetStringAsync($"/registrations/review?sessionId={sessionId}&capacity=Stakeholder");
        Assert.DoesNotContain(kenya.Name, stakeholders);
        Assert.Contains(ngo.Name, stakeholders);

        var cities = await client.GetStringAsync($"/registrations/review?sessionId={sessionId}&category=LocalOrRegionalGovernment");
        Assert.Contains(city.Name, cities);
        Assert.DoesNotContain(ngo.Name, cities);

        var inKenya = await client.GetStringAsync($"/registrations/review?sessionId={sessionId}&country=KE");
        Assert.Contains(kenya.Name, inKenya);
        Assert.DoesNotContain(city.Name, inKenya);
        Assert.Matches("<option value=\"KE\" selected=\"selected\">", inKenya);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(inKenya, "<option value=\"[A-Z]{2}\" selected"));

        var approvedOnly = await client.GetStringAsync($"/registrations/review?sessionId={sessionId}&status=Approved");
        Assert.Contains(approved.Name, approvedOnly);
        Assert.DoesNotContain(kenya.Name, approvedOnly);

        var everyStatus = await client.GetStringAsync($"/registrations/review?sessionId={sessionId}&status=all");
        Assert.Contains(approved.Name, everyStatus);
        Assert.Contains(kenya.Name, everyStatus);
    }

    [Fact]
    public async Task The_queue_is_paged_by_fifty_in_order_of_submission()
    {
        var sessionId = await NewSessionAsync();
        var token = OrganisationSeeding.UniqueToken();
        var start = new DateTime(2031, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 52; i++)
        {
            await AddAsync(sessionId, $"Queued {token} #{i:00}", OrganisationCategory.NonGovernmentalOrganisation, Capacity.Stakeholder, RegistrationStatus.Submitted, submittedAt: start.AddMinutes(i));
        }

        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var first = await client.GetStringAsync($"/registrations/review?sessionId={sessionId}");
        var second = await client.GetStringAsync($"/registrations/review?sessionId={sessionId}&page=2");

        Assert.Contains($"Queued {token} #01", first);
        Assert.Contains($"Queued {token} #50", first);
        Assert.DoesNotContain($"Queued {token} #51", first);
        Assert.Contains("52 results", first);
        Assert.Contains($"Queued {token} #51", second);
        Assert.Contains($"Queued {token} #52", second);
        Assert.DoesNotContain($"Queued {token} #50", second);
    }

    [Fact]
    public async Task The_delegation_page_lists_the_participants_and_opens_the_letter_in_the_browser()
    {
        var sessionId = await NewSessionAsync();
        var organisationId = await factory.AddOrganisationAsync($"Letter Org {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Submitted,
            [Nominee("Grace", "Wanjiru", ParticipantFunction.HeadOfDelegation), Nominee("Omar", "Haddad")]);
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);

        var page = await client.GetStringAsync($"/registrations/{delegation.Id}");
        var letter = await client.GetAsync($"/registrations/{delegation.Id}/letter");

        Assert.Contains("Wanjiru", page);
        Assert.Contains("Haddad", page);
        Assert.Contains($"action=\"/registrations/{delegation.Id}/approve\"", page);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("inline", letter.Content.Headers.ContentDisposition?.ToString() ?? letter.Headers.GetValues("Content-Disposition").Single());
    }

    [Fact]
    public async Task A_focal_point_cannot_reach_the_review_pages_or_decide()
    {
        var sessionId = await NewSessionAsync();
        var organisationId = await factory.AddOrganisationAsync($"Own Org {OrganisationSeeding.UniqueToken()}", OrganisationCategory.NonGovernmentalOrganisation);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Stakeholder, RegistrationStatus.Submitted, [Nominee("Self", "Approver")]);
        var focalPoint = await factory.AddFocalPointAsync(organisationId);
        var client = factory.CreateBrowser();
        await client.SignInAsync(focalPoint.Email!, FocalPointPassword);

        await client.AssertForbiddenAsync($"/registrations/review?sessionId={sessionId}");
        await client.AssertForbiddenAsync($"/registrations/{delegation.Id}");
        await client.AssertForbiddenAsync($"/registrations/{delegation.Id}/letter");
        await client.AssertForbiddenAsync(await client.PostFormAsync("/registrations/review/approve", new[] { new KeyValuePair<string, string>("ids", delegation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) }, "/account"));
        await client.AssertForbiddenAsync(await client.PostFormAsync($"/registrations/{delegation.Id}/approve", new { }, "/account"));

        Assert.Equal(RegistrationStatus.Submitted, (await factory.DelegationAsync(delegation.Id)).Status);
    }
}
