using Microsoft.EntityFrameworkCore;
using Sessions.Core.Accounts;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Speakers.Lists;

/// <summary>The demo gives the console and the live display a list to show.</summary>
public sealed class InscriptionDemoTests(DemoAppFactory factory) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task The_demo_assembly_has_approved_delegations_and_a_speakers_list_where_two_have_spoken()
    {
        var sessionId = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Symbol == "HSP/HA.2").Select(s => s.Id).SingleAsync());
        var listId = await factory.WithDbAsync(db => db.SpeakersLists.Where(l => l.SessionId == sessionId).Select(l => l.Id).SingleAsync());
        var list = await factory.SpeakersListAsync(listId);

        Assert.Equal(10, list.Inscriptions.Count);
        Assert.Equal(9, await factory.WithDbAsync(db => db.Delegations.CountAsync(d => d.SessionId == sessionId && d.Status == RegistrationStatus.Approved)));
        var ordered = list.InSpeakingOrder();
        Assert.Equal([SpeakerStatus.Spoke, SpeakerStatus.Spoke], ordered.Take(2).Select(i => i.Status));
        Assert.Equal(InscriptionKind.GroupStatement, ordered[0].Kind);
        Assert.Equal(InscriptionKind.RightOfReply, ordered[^1].Kind);
        Assert.All(ordered.Skip(2), i => Assert.Equal(SpeakerStatus.Waiting, i.Status));

        var client = factory.CreateBrowser("en");
        await client.SignInAsAsync(factory, Roles.Secretariat);
        var page = await client.GetStringAsync($"/sessions/manage/{sessionId}/speakers");
        Assert.Contains($"id=\"list-{listId}\"", page, StringComparison.Ordinal);
    }
}
