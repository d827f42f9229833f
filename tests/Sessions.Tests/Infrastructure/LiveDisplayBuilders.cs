using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Common;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;
using Sessions.Web.Infrastructure.Speakers;

namespace Sessions.Tests.Infrastructure;

/// <summary>Speakers lists for the live display tests: approved delegations of named organisations, inscribed in a known order.</summary>
public static class LiveDisplayBuilders
{
    /// <summary>An inscribed delegation: its organisation's English name (a French one too, "… (fr)"), and the nominee's private details.</summary>
    public sealed record ListedDelegation(int DelegationId, int OrganisationId, string Name, string FrenchName, string NomineeEmail, string NomineeFamilyName);

    public sealed record SeededList(int SessionId, int ListId, IReadOnlyList<ListedDelegation> Delegations);

    /// <summary>
    /// A session (published unless told) with agenda item "4", "General debate", and a list on which
    /// <paramref name="members"/> member States then <paramref name="observers"/> observer States are inscribed for
    /// statements, a minute apart, all at the level "Other": the protocol order is the order given.
    /// </summary>
    public static async Task<SeededList> AddListAsync(this SessionsAppFactory factory, int members, int observers = 0, bool published = true, DateTime? inscribedFrom = null)
    {
        var from = inscribedFrom ?? DateTime.UtcNow.AddHours(-2);
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(from), published: published, configure: s => s.AddAgendaItem("4", "General debate"));
        var delegations = new List<ListedDelegation>();
        for (var i = 0; i < members + observers; i++)
        {
            var capacity = i < members ? Capacity.Member : Capacity.ObserverState;
            var name = $"Republic {OrganisationSeeding.UniqueToken()}";
            var organisationId = await factory.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<SessionsDbContext>();
                var organisation = new Organisation(name, Languages.English, OrganisationCategory.MemberState) { CreatedAt = DateTime.UtcNow };
                organisation.SetTranslatedName(Languages.French, name + " (fr)");
                db.Organisations.Add(organisation);
                await db.SaveChangesAsync();
                return organisation.Id;
            });
            var familyName = $"Privatename{i}{OrganisationSeeding.UniqueToken()}";
            var nominee = DelegationBuilders.Nominee("Amina", familyName);
            var delegation = await factory.AddDelegationAsync(sessionId, organisationId, capacity, RegistrationStatus.Approved, [nominee]);
            delegations.Add(new ListedDelegation(delegation.Id, organisationId, name, name + " (fr)", nominee.Email, familyName));
        }

        var listId = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var itemId = await db.AgendaItems.Where(a => a.SessionId == sessionId).Select(a => a.Id).SingleAsync();
            var list = new SpeakersList(sessionId, itemId, null, from);
            for (var i = 0; i < delegations.Count; i++)
            {
                var capacity = i < members ? Capacity.Member : Capacity.ObserverState;
                list.Inscribe(new InscriptionRequest(delegations[i].DelegationId, capacity, InscriptionKind.Statement, LevelOfRepresentation.Other), from.AddMinutes(i));
            }

            db.SpeakersLists.Add(list);
            await db.SaveChangesAsync();
            return list.Id;
        });
        return new SeededList(sessionId, listId, delegations);
    }

    /// <summary>
    /// Changes the list the way the console does, through <see cref="SpeakersListChanges"/> (which also tells the live
    /// channel). A stopped test clock moves on by a millisecond first, as time does between two clicks: a change is
    /// stamped on the list with the time it was made, and an unchanged stamp would leave the list's version as it was.
    /// </summary>
    public static Task ChangeListAsync(this SessionsAppFactory factory, int listId, Action<SpeakersList, DateTime> change)
    {
        (factory as ClockedAppFactory)?.Clock.Advance(TimeSpan.FromMilliseconds(1));
        return factory.InScopeAsync(sp => sp.GetRequiredService<SpeakersListChanges>().ApplyAsync(listId, null, (list, now) =>
        {
            change(list, now);
            return true;
        }, CancellationToken.None));
    }

    /// <summary>Calls the next speaker and starts the timer, as the console's two buttons do.</summary>
    public static async Task CallNextAndStartAsync(this SessionsAppFactory factory, int listId)
    {
        await factory.ChangeListAsync(listId, (list, now) => list.CallNext(now));
        await factory.ChangeListAsync(listId, (list, now) => list.StartTimer(list.Speaking!.Id, now));
    }
}
