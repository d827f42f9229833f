using System.Net;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Speakers.Lists;

/// <summary>
/// The way from a delegate's home to the inscription form: the home's "Speakers lists" link goes to the session's index
/// of lists, which offers each open list's form to someone signed in (and not to the public reader).
/// </summary>
public sealed class AskForTheFloorLinkTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task A_delegate_reaches_the_inscription_form_from_the_home_page_through_the_session_index_of_lists()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(session);
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var delegate_ = factory.CreateBrowser();
        await delegate_.SignInAsDelegateAsync(factory, delegation.ParticipantIds[0]);

        Assert.Contains($"href=\"/sessions/{session.SessionId}/speakers\"", await delegate_.GetStringAsync("/"));
        var index = await delegate_.GetStringAsync($"/sessions/{session.SessionId}/speakers");
        Assert.Contains($"href=\"/speakers/{listId}/inscribe\"", index);
        var form = await delegate_.GetAsync($"/speakers/{listId}/inscribe");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains($"name=\"DelegationId\" value=\"{delegation.DelegationId}\"", await form.Content.ReadAsStringAsync());

        var anonymous = await factory.CreateBrowser().GetStringAsync($"/sessions/{session.SessionId}/speakers");
        Assert.Contains($"href=\"/speakers/{listId}/live\"", anonymous);
        Assert.DoesNotContain($"/speakers/{listId}/inscribe", anonymous);
    }

    [Fact]
    public async Task A_closed_list_offers_no_inscription_form()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(session, list => list.Close(DateTime.UtcNow));
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var delegate_ = factory.CreateBrowser();
        await delegate_.SignInAsDelegateAsync(factory, delegation.ParticipantIds[0]);

        var index = await delegate_.GetStringAsync($"/sessions/{session.SessionId}/speakers");
        Assert.Contains($"href=\"/speakers/{listId}/live\"", index);
        Assert.DoesNotContain($"/speakers/{listId}/inscribe", index);
    }
}
