using Sessions.Tests.Infrastructure;
using static Sessions.Tests.Infrastructure.PublishedStatementBuilders;

namespace Sessions.Tests.Documents.Public;

/// <summary>The ways to a session's documents: its public page, the delegate's home, and per agenda item the speakers lists and the statements.</summary>
public sealed class DocumentLinksTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    [Fact]
    public async Task The_public_session_page_links_to_its_documents_and_to_each_agenda_item_s()
    {
        var scenario = await factory.AddPublishedSessionAsync();

        var html = await factory.CreateBrowser().GetStringAsync($"/sessions/{scenario.SessionId}");

        Assert.Contains($"href=\"/sessions/{scenario.SessionId}/documents\"", html);
        Assert.Contains($"href=\"/sessions/{scenario.SessionId}/documents?item={scenario.FirstItemId}\"", html);
        Assert.Contains($"href=\"/sessions/{scenario.SessionId}/documents?item={scenario.SecondItemId}\"", html);
    }

    [Fact]
    public async Task The_published_statements_link_each_agenda_item_s_documents()
    {
        var scenario = await factory.AddPublishedSessionAsync();
        await factory.AddPublishedStatementAsync(scenario, new StatementSpec("On item six"));

        var html = await factory.CreateBrowser().GetStringAsync($"/sessions/{scenario.SessionId}/statements");

        Assert.Contains($"href=\"/sessions/{scenario.SessionId}/documents?item={scenario.SecondItemId}\"", html);
    }

    [Fact]
    public async Task The_delegate_s_and_the_focal_point_s_home_and_the_public_speakers_lists_link_to_the_documents()
    {
        var session = await factory.AddSpeakersSessionAsync();
        await factory.AddSpeakersListAsync(session);
        var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
        var delegate_ = factory.CreateBrowser();
        await delegate_.SignInAsDelegateAsync(factory, delegation.ParticipantIds[0]);

        Assert.Contains($"href=\"/sessions/{session.SessionId}/documents\"", await delegate_.GetStringAsync("/"));
        var focalPoint = factory.CreateBrowser();
        await focalPoint.SignInAsFocalPointOfAsync(factory, delegation.OrganisationId);
        Assert.Contains($"href=\"/sessions/{session.SessionId}/documents\"", await focalPoint.GetStringAsync("/"));
        var lists = await factory.CreateBrowser().GetStringAsync($"/sessions/{session.SessionId}/speakers");
        Assert.Contains($"href=\"/sessions/{session.SessionId}/documents?item={session.AgendaItemId}\"", lists);
    }
}
