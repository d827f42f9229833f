using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;
using Sessions.Tests.Infrastructure;

namespace Sessions.Tests.Speakers.Lists;

/// <summary>The speakers list tables come from the migration and hold the list, its order and its guards.</summary>
public sealed class SpeakersListStorageTests(SessionsAppFactory factory) : IClassFixture<SessionsAppFactory>
{
    private static readonly DateTime _now = new(2026, 5, 4, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_speakers_list_is_saved_with_its_inscriptions_and_read_back_in_speaking_order()
    {
        var (listId, first, second) = await SeedListAsync();

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var list = await db.SpeakersLists.Include(l => l.Inscriptions).SingleAsync(l => l.Id == listId);
            var ordered = list.InSpeakingOrder();
            Assert.Equal([second, first], ordered.Select(i => i.DelegationId));
            list.GiveTheFloor(ordered[0].Id, _now.AddHours(1));
            list.StartTimer(ordered[0].Id, _now.AddHours(1));
            list.FinishSpeaking(ordered[0].Id, _now.AddHours(1).AddSeconds(281.4));
            list.MoveTo(ordered[1].Id, 1, _now.AddHours(2));
            await db.SaveChangesAsync();
        });

        var saved = await factory.WithDbAsync(db => db.SpeakersLists.AsNoTracking().Include(l => l.Inscriptions).SingleAsync(l => l.Id == listId));
        var spoke = saved.Inscriptions.Single(i => i.DelegationId == second);
        var moved = saved.Inscriptions.Single(i => i.DelegationId == first);
        Assert.Equal((SpeakerStatus.Spoke, 281, _now.AddHours(1)), (spoke.Status, spoke.SpokeForSeconds!.Value, spoke.CalledAt!.Value));
        Assert.Equal((1, _now.AddHours(2)), (moved.ManualPosition!.Value, moved.MovedAt!.Value));
        Assert.Equal(DateTimeKind.Utc, moved.InscribedAt.Kind);
        Assert.Equal([second, first], saved.InSpeakingOrder().Select(i => i.DelegationId));
        Assert.Equal("This speaker is no longer waiting.", Assert.Throws<DomainException>(() => saved.Withdraw(spoke.Id, _now)).Message);
    }

    [Fact]
    public async Task Two_people_inscribing_on_the_same_stale_list_do_not_both_succeed()
    {
        var (listId, _, _) = await SeedListAsync();
        var third = await AddApprovedDelegationAsync(await SessionOfAsync(listId), Capacity.ObserverState);
        var fourth = await AddApprovedDelegationAsync(await SessionOfAsync(listId), Capacity.UnSystem);

        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var listA = await dbA.SpeakersLists.Include(l => l.Inscriptions).SingleAsync(l => l.Id == listId);
        var listB = await dbB.SpeakersLists.Include(l => l.Inscriptions).SingleAsync(l => l.Id == listId);

        listA.Inscribe(new InscriptionRequest(third, Capacity.ObserverState, InscriptionKind.Statement, LevelOfRepresentation.Other), _now.AddMinutes(1));
        listB.Inscribe(new InscriptionRequest(fourth, Capacity.UnSystem, InscriptionKind.Statement, LevelOfRepresentation.Other), _now.AddMinutes(1));
        await dbA.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());
        Assert.Equal(3, await factory.WithDbAsync(db => db.Inscriptions.CountAsync(i => i.SpeakersListId == listId)));
    }

    [Fact]
    public async Task The_database_refuses_a_second_ordinary_statement_of_a_delegation_that_slipped_past_the_list()
    {
        var (listId, first, _) = await SeedListAsync();
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<SessionsDbContext>();
        var listA = await dbA.SpeakersLists.Include(l => l.Inscriptions).SingleAsync(l => l.Id == listId);
        var withdrawn = listA.Inscriptions.Single(i => i.DelegationId == first);
        listA.Withdraw(withdrawn.Id, _now.AddMinutes(1));
        listA.Inscribe(new InscriptionRequest(first, Capacity.Member, InscriptionKind.Statement, LevelOfRepresentation.Minister), _now.AddMinutes(2));
        await dbA.SaveChangesAsync();

        // A second copy of the row, written without the list, as a lost concurrency check would.
        var listB = await dbB.SpeakersLists.Include(l => l.Inscriptions).SingleAsync(l => l.Id == listId);
        dbB.Entry(listB.Inscriptions.Single(i => i.Id == withdrawn.Id)).Property(i => i.Status).CurrentValue = SpeakerStatus.Waiting;

        await Assert.ThrowsAsync<DbUpdateException>(() => dbB.SaveChangesAsync());
    }

    [Fact]
    public async Task An_agenda_item_has_one_list_for_the_whole_item_and_one_per_meeting()
    {
        var (listId, _, _) = await SeedListAsync();
        var (sessionId, itemId, meetingId) = await factory.WithDbAsync(db => db.SpeakersLists.Where(l => l.Id == listId)
            .Select(l => new ValueTuple<int, int, int>(l.SessionId, l.AgendaItemId, l.MeetingId!.Value)).SingleAsync());

        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            db.SpeakersLists.Add(new SpeakersList(sessionId, itemId, null, _now));
            await db.SaveChangesAsync();
        });

        foreach (var meeting in new int?[] { null, meetingId })
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => factory.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<SessionsDbContext>();
                db.SpeakersLists.Add(new SpeakersList(sessionId, itemId, meeting, _now));
                await db.SaveChangesAsync();
            }));
        }
    }

    private async Task<(int ListId, int FirstDelegationId, int SecondDelegationId)> SeedListAsync()
    {
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(_now), configure: s =>
        {
            s.AddAgendaItem("3", "General debate");
            s.AddMeeting(1, _now, _now.AddHours(3), "Conference room 1");
        });
        var first = await AddApprovedDelegationAsync(sessionId, Capacity.Member);
        var second = await AddApprovedDelegationAsync(sessionId, Capacity.Member);
        var listId = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var session = await db.Sessions.Include(s => s.AgendaItems).Include(s => s.Meetings).SingleAsync(s => s.Id == sessionId);
            var list = new SpeakersList(sessionId, session.AgendaItems.Single().Id, session.Meetings.Single().Id, _now.AddDays(-1));
            list.Inscribe(new InscriptionRequest(first, Capacity.Member, InscriptionKind.Statement, LevelOfRepresentation.HeadOfDelegationOrAmbassador), _now.AddMinutes(-30));
            list.Inscribe(new InscriptionRequest(second, Capacity.Member, InscriptionKind.Statement, LevelOfRepresentation.Minister), _now.AddMinutes(-20));
            db.SpeakersLists.Add(list);
            await db.SaveChangesAsync();
            return list.Id;
        });
        return (listId, first, second);
    }

    private Task<int> SessionOfAsync(int listId) =>
        factory.WithDbAsync(db => db.SpeakersLists.Where(l => l.Id == listId).Select(l => l.SessionId).SingleAsync());

    private async Task<int> AddApprovedDelegationAsync(int sessionId, Capacity capacity)
    {
        var category = capacity switch
        {
            Capacity.Member or Capacity.ObserverState => OrganisationCategory.MemberState,
            Capacity.UnSystem => OrganisationCategory.UnSystemEntity,
            _ => OrganisationCategory.IntergovernmentalOrganisation,
        };
        var organisationId = await factory.AddOrganisationAsync($"Organisation {OrganisationSeeding.UniqueToken()}", category);
        var delegation = await factory.AddDelegationAsync(sessionId, organisationId, capacity, RegistrationStatus.Approved, [DelegationBuilders.Nominee("Amina", "Mohammed")]);
        return delegation.Id;
    }
}
