using System.Net;
using Sessions.Core.Speakers;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Speakers.Lists;

/// <summary>Many delegations asking for the floor in the same second, each through its own signed-in browser.</summary>
public sealed class InscriptionConcurrencyTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private const int Delegations = 50;

    [Fact]
    public async Task Fifty_delegations_inscribing_at_once_are_all_listed_once_in_a_strict_order()
    {
        var session = await factory.AddSpeakersSessionAsync();
        var listId = await factory.AddSpeakersListAsync(session);
        var prepared = new List<(HttpClient Client, int DelegationId, FormUrlEncodedContent Form)>();
        for (var i = 0; i < Delegations; i++)
        {
            var delegation = await factory.AddSpeakingDelegationAsync(session.SessionId);
            var client = factory.CreateBrowser();
            await client.SignInAsFocalPointOfAsync(factory, delegation.OrganisationId);
            var token = await client.GetAntiforgeryTokenAsync($"/speakers/{listId}/inscribe");
            var fields = SpeakersListBuilders.InscriptionForm(delegation.DelegationId, delegation.ParticipantIds[0], level: (LevelOfRepresentation)(1 + (i % 6)));
            fields["__RequestVerificationToken"] = token;
            prepared.Add((client, delegation.DelegationId, new FormUrlEncodedContent(fields)));
        }

        // Every request is ready before any is sent, so that they reach the server together.
        using var start = new SemaphoreSlim(0);
        var requests = prepared.Select(async p =>
        {
            await start.WaitAsync();
            return await p.Client.PostAsync($"/speakers/{listId}/inscribe", p.Form);
        }).ToList();
        start.Release(Delegations);
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var list = await factory.SpeakersListAsync(listId);
        Assert.Equal(Delegations, list.Inscriptions.Count);
        Assert.Equal(prepared.Select(p => p.DelegationId).Order(), list.Inscriptions.Select(i => i.DelegationId).Order());
        var waits = SpeakerWait.For(list, DateTime.UtcNow);
        Assert.Equal(Enumerable.Range(1, Delegations), waits.Values.Select(w => w.Place).Order());
        Assert.Equal(Enumerable.Range(0, Delegations), waits.Values.Select(w => w.SpeakersAhead).Order());
        var ordered = list.InSpeakingOrder();
        Assert.Equal(ordered.Select(i => i.Id), ordered.OrderBy(i => i.Level).ThenBy(i => i.InscribedAt).ThenBy(i => i.Id).Select(i => i.Id));
    }
}
