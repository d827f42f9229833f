using System.Net;
using Sessions.Core.Bodies;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.DelegationBuilders;

namespace Sessions.Tests.Home;

/// <summary>A delegate's home offers the online links of the meetings they follow online, and only to them.</summary>
public sealed class OnlineLinksAtHomeTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_home_of_an_approved_participant_attending_online_links_the_meeting_online_and_the_one_in_the_room_sees_no_link()
    {
        var now = DateTime.UtcNow;
        var sessionId = await factory.AddSessionAsync(await factory.AddBodyAsync(BodyKind.Assembly), DateOnly.FromDateTime(now), configure: s =>
        {
            s.HoldAs(SessionFormat.Hybrid);
            s.AddMeeting(1, now.AddHours(1), now.AddHours(4), "Plenary Hall").SetOnlineLink(OnlineParticipationBuilders.Link);
        });
        var delegation = await factory.AddDelegationAsync(sessionId, await factory.AddOrganisationAsync("Remote Observers", OrganisationCategory.NonGovernmentalOrganisation),
            Capacity.Stakeholder, RegistrationStatus.Approved, [Nominee("Amina", "Online", ParticipantFunction.HeadOfDelegation), Nominee("Jonas", "Inroom")]);
        await factory.AttendOnlineAsync(delegation.ParticipantIds[0]);

        var online = factory.CreateBrowser();
        await online.SignInAsDelegateAsync(factory, delegation.ParticipantIds[0]);
        var home = await online.GetStringAsync("/");
        Assert.Contains("class=\"list-unstyled online-meetings\"", home);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(OnlineParticipationBuilders.Link)}\"", home);
        Assert.Contains("Join meeting 1 online", home);

        var inTheRoom = factory.CreateBrowser();
        await inTheRoom.SignInAsDelegateAsync(factory, delegation.ParticipantIds[1]);
        var otherHome = await inTheRoom.GetStringAsync("/");
        Assert.Contains($"data-participant=\"{delegation.ParticipantIds[1]}\"", otherHome);
        Assert.DoesNotContain("meet.example.org", otherHome);
    }
}
