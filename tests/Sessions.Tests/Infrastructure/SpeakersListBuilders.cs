using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Accounts;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
using Sessions.Core.Speakers;

namespace Sessions.Tests.Infrastructure;

/// <summary>Sessions with an agenda item and a speakers list, approved delegations and the people who speak for them.</summary>
public static class SpeakersListBuilders
{
    public sealed record SpeakersSession(int SessionId, int AgendaItemId, int MeetingId);

    /// <summary>An approved (or other <paramref name="status"/>) delegation, its organisation and its approved nominees.</summary>
    public sealed record SpeakingDelegation(int DelegationId, int OrganisationId, IReadOnlyList<int> ParticipantIds);

    /// <summary>A session in Nairobi whose speaker inscription window is open now (from a day ago to ten days ahead), with item 3 and meeting 1.</summary>
    public static Task<SpeakersSession> AddSpeakersSessionAsync(this SessionsAppFactory factory, DateTime? opensAt = null, DateTime? closesAt = null) =>
        factory.InScopeAsync(async sp =>
        {
            var now = DateTime.UtcNow;
            var bodyId = await factory.AddBodyAsync();
            var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(now.AddDays(5)), configure: s =>
            {
                s.SetInscriptionWindow(opensAt ?? now.AddDays(-1), closesAt ?? now.AddDays(10));
                s.AddAgendaItem("3", "General debate");
                s.AddAgendaItem("4", "Adequate housing for all");
                s.AddMeeting(1, now.AddDays(5), now.AddDays(5).AddHours(3), "Plenary Hall");
            });
            var db = sp.GetRequiredService<SessionsDbContext>();
            var itemId = await db.AgendaItems.Where(a => a.SessionId == sessionId && a.Number == "3").Select(a => a.Id).SingleAsync();
            var meetingId = await db.Meetings.Where(m => m.SessionId == sessionId).Select(m => m.Id).SingleAsync();
            return new SpeakersSession(sessionId, itemId, meetingId);
        });

    /// <summary>A list on the agenda item with the session's window; <paramref name="configure"/> changes it before it is saved.</summary>
    public static Task<int> AddSpeakersListAsync(this SessionsAppFactory factory, SpeakersSession session, Action<SpeakersList>? configure = null, int? meetingId = null) =>
        factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var s = await db.Sessions.AsNoTracking().SingleAsync(x => x.Id == session.SessionId);
            var list = new SpeakersList(session.SessionId, session.AgendaItemId, meetingId, DateTime.UtcNow);
            list.SetInscriptionWindow(s.InscriptionOpensAt, s.InscriptionClosesAt, DateTime.UtcNow);
            configure?.Invoke(list);
            db.SpeakersLists.Add(list);
            await db.SaveChangesAsync();
            return list.Id;
        });

    public static async Task<SpeakingDelegation> AddSpeakingDelegationAsync(
        this SessionsAppFactory factory,
        int sessionId,
        OrganisationCategory category = OrganisationCategory.MemberState,
        Capacity capacity = Capacity.Member,
        RegistrationStatus status = RegistrationStatus.Approved,
        string? name = null)
    {
        var organisationId = await factory.AddOrganisationAsync(name ?? $"Delegation {OrganisationSeeding.UniqueToken()}", category);
        var seeded = await factory.AddDelegationAsync(sessionId, organisationId, capacity, status,
            [DelegationBuilders.Nominee("Amina", "Diallo", ParticipantFunction.HeadOfDelegation), DelegationBuilders.Nominee("Jonas", "Berg")]);
        return new SpeakingDelegation(seeded.Id, organisationId, seeded.ParticipantIds);
    }

    /// <summary>Signs the client in as a delegate: an account linked to the participant of the delegation.</summary>
    public static async Task<User> SignInAsDelegateAsync(this HttpClient client, SessionsAppFactory factory, int participantId)
    {
        var user = await client.SignInAsAsync(factory, Roles.Delegate);
        await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            (await db.Participants.SingleAsync(p => p.Id == participantId)).LinkAccount(user.Id);
            await db.SaveChangesAsync();
        });
        return user;
    }

    /// <summary>The inscription form as a person fills it in (names of the enum members, as the page's options send them).</summary>
    public static Dictionary<string, string> InscriptionForm(int delegationId, int? speakerId, InscriptionKind kind = InscriptionKind.Statement, LevelOfRepresentation level = LevelOfRepresentation.Minister, string? groupName = null, ReplyRound? round = null) => new()
    {
        ["DelegationId"] = delegationId.ToString(CultureInfo.InvariantCulture),
        ["Kind"] = kind.ToString(),
        ["Level"] = level.ToString(),
        ["SpeakerParticipantId"] = speakerId?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["GroupName"] = groupName ?? "",
        ["ReplyRound"] = round?.ToString() ?? "",
    };

    /// <summary>Posts the inscription form; the token comes from the form page for the delegation unless <paramref name="formPageUrl"/> says otherwise.</summary>
    public static Task<HttpResponseMessage> InscribeAsync(this HttpClient client, int listId, Dictionary<string, string> form, string? formPageUrl = null) =>
        client.PostFormAsync($"/speakers/{listId}/inscribe", form, formPageUrl ?? $"/speakers/{listId}/inscribe?delegationId={form["DelegationId"]}");

    public static Task<List<Inscription>> InscriptionsOfAsync(this SessionsAppFactory factory, int listId) =>
        factory.WithDbAsync(db => db.Inscriptions.AsNoTracking().Where(i => i.SpeakersListId == listId).OrderBy(i => i.Id).ToListAsync());

    public static Task<SpeakersList> SpeakersListAsync(this SessionsAppFactory factory, int listId) =>
        factory.WithDbAsync(db => db.SpeakersLists.AsNoTracking().Include(l => l.Inscriptions).SingleAsync(l => l.Id == listId));
}
