using System.Globalization;
using System.Net;
using Sessions.Core.Accounts;
using Sessions.Core.Bodies;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Registration.Review;

/// <summary>Whatever frees observer places under the session's capacity, the waitlist takes them in its order, with notices.</summary>
public sealed class WaitlistPromotionTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static readonly DateTime _earlier = DateTime.UtcNow.AddHours(-5);

    private async Task<int> NewSessionAsync(int observerCapacity) =>
        await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), new DateOnly(2031, 9, 1), configure: s => s.ObserverCapacity = observerCapacity);

    private async Task<int> NewObserverAsync(string name) =>
        await factory.AddOrganisationAsync($"{name} {OrganisationSeeding.UniqueToken()}", OrganisationCategory.IntergovernmentalOrganisation);

    private async Task<HttpClient> SecretariatAsync()
    {
        var client = factory.CreateBrowser();
        await client.SignInAsAsync(factory, Roles.Secretariat);
        return client;
    }

    [Fact]
    public async Task Rejecting_a_delegation_promotes_the_waitlist_into_the_places_it_frees_with_notices()
    {
        var sessionId = await NewSessionAsync(observerCapacity: 1);
        var ownWaitlisted = Nominee("Own", "Waitlist");
        var holder = await factory.AddDelegationAsync(sessionId, await NewObserverAsync("Holder"), Capacity.IntergovernmentalOrganisation, RegistrationStatus.Submitted,
            [Nominee("Place", "Holder")], waitlisted: [ownWaitlisted], submittedAt: _earlier);
        var waitingOrganisation = await NewObserverAsync("Waiting");
        var waitingNominee = Nominee("Next", "InLine");
        var waiting = await factory.AddDelegationAsync(sessionId, waitingOrganisation, Capacity.IntergovernmentalOrganisation, RegistrationStatus.Draft, [], waitlisted: [waitingNominee]);
        var focalPoint = await factory.AddFocalPointAsync(waitingOrganisation);
        var client = await SecretariatAsync();

        var response = await client.PostConfirmedFormAsync($"/registrations/{holder.Id}/reject", new { reason = "Not eligible." }, $"/registrations/{holder.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ParticipantStatus.Rejected, (await factory.ParticipantAsync(holder.ParticipantIds[1])).Status);
        Assert.Equal(ParticipantStatus.Nominated, (await factory.ParticipantAsync(waiting.ParticipantIds[0])).Status);
        Assert.Contains(await factory.NoticesToAsync(waitingNominee.Email), n => n.Kind == "participants.promoted");
        Assert.Contains(await factory.NoticesToAsync(focalPoint.Email!), n => n.Kind == "delegations.promoted" && n.TextBody.Contains("Next InLine"));
        Assert.DoesNotContain(await factory.NoticesToAsync(ownWaitlisted.Email), n => n.Kind == "participants.promoted");
    }

    [Fact]
    public async Task Rejecting_delegations_in_bulk_promotes_the_waitlist_in_its_order_within_the_places_freed()
    {
        var sessionId = await NewSessionAsync(observerCapacity: 2);
        var first = await factory.AddDelegationAsync(sessionId, await NewObserverAsync("First holder"), Capacity.IntergovernmentalOrganisation, RegistrationStatus.Submitted, [Nominee("First", "Holder")], submittedAt: _earlier);
        var second = await factory.AddDelegationAsync(sessionId, await NewObserverAsync("Second holder"), Capacity.IntergovernmentalOrganisation, RegistrationStatus.Submitted, [Nominee("Second", "Holder")], submittedAt: _earlier);
        var late = await factory.AddDelegationAsync(sessionId, await NewObserverAsync("Late"), Capacity.IntergovernmentalOrganisation, RegistrationStatus.Draft, [], waitlisted: [Nominee("Late", "Comer")], submittedAt: _earlier.AddHours(3));
        var early = await factory.AddDelegationAsync(sessionId, await NewObserverAsync("Early"), Capacity.IntergovernmentalOrganisation, RegistrationStatus.Draft, [], waitlisted: [Nominee("Early", "Bird")], submittedAt: _earlier.AddHours(1));
        var middle = await factory.AddDelegationAsync(sessionId, await NewObserverAsync("Middle"), Capacity.IntergovernmentalOrganisation, RegistrationStatus.Draft, [], waitlisted: [Nominee("Middle", "Way")], submittedAt: _earlier.AddHours(2));
        var client = await SecretariatAsync();
        var fields = new[] { first.Id, second.Id }.Select(id => new KeyValuePair<string, string>("ids", id.ToString(CultureInfo.InvariantCulture)))
            .Append(new("reason", "Not eligible.")).Append(new("sessionId", sessionId.ToString(CultureInfo.InvariantCulture)));

        var response = await client.PostConfirmedFormAsync("/registrations/review/reject", fields, $"/registrations/review?sessionId={sessionId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ParticipantStatus.Nominated, (await factory.ParticipantAsync(early.ParticipantIds[0])).Status);
        Assert.Equal(ParticipantStatus.Nominated, (await factory.ParticipantAsync(middle.ParticipantIds[0])).Status);
        Assert.Equal(ParticipantStatus.Waitlisted, (await factory.ParticipantAsync(late.ParticipantIds[0])).Status);
    }

    [Fact]
    public async Task Rejecting_a_member_delegation_frees_no_observer_place()
    {
        var sessionId = await NewSessionAsync(observerCapacity: 1);
        await factory.AddDelegationAsync(sessionId, await NewObserverAsync("Holder"), Capacity.IntergovernmentalOrganisation, RegistrationStatus.Submitted, [Nominee("Place", "Holder")], submittedAt: _earlier);
        var member = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync($"Member {OrganisationSeeding.UniqueToken()}", OrganisationCategory.MemberState), Capacity.Member, RegistrationStatus.Submitted, [Nominee("Member", "Delegate")], submittedAt: _earlier);
        var waiting = await factory.AddDelegationAsync(sessionId, await NewObserverAsync("Waiting"), Capacity.IntergovernmentalOrganisation, RegistrationStatus.Draft, [], waitlisted: [Nominee("Still", "Waiting")]);
        var client = await SecretariatAsync();

        var response = await client.PostConfirmedFormAsync($"/registrations/{member.Id}/reject", new { reason = "Credentials missing." }, $"/registrations/{member.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ParticipantStatus.Waitlisted, (await factory.ParticipantAsync(waiting.ParticipantIds[0])).Status);
    }
}
