using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Speakers;

namespace Sessions.Tests.Infrastructure;

/// <summary>A speakers list with member delegations waiting in inscription order, and the console's forms as a browser posts them.</summary>
public static partial class SpeakersConsoleBuilders
{
    /// <summary><see cref="InscriptionIds"/>, <see cref="OrganisationIds"/> and <see cref="FocalPointEmails"/> (when asked for) are in speaking order.</summary>
    public sealed record ConsoleList(int ListId, int SessionId, IReadOnlyList<int> InscriptionIds, IReadOnlyList<int> OrganisationIds, IReadOnlyList<string> FocalPointEmails)
    {
        public string ConsoleUrl => $"/speakers/{ListId}/console";
    }

    /// <summary>
    /// A session, its agenda item and a list on which <paramref name="speakers"/> member delegations (each with an
    /// approved focal point when <paramref name="withFocalPoints"/>) wait to make a statement, inscribed a minute apart.
    /// </summary>
    public static async Task<ConsoleList> AddConsoleListAsync(this SessionsAppFactory factory, int speakers = 3, int notifyWhenSpeakersAhead = 0, bool withFocalPoints = false)
    {
        var now = DateTime.UtcNow;
        var bodyId = await factory.AddBodyAsync();
        var sessionId = await factory.AddSessionAsync(bodyId, DateOnly.FromDateTime(now), configure: s => s.AddAgendaItem("3", "General debate"));
        var delegations = new List<(int DelegationId, int OrganisationId)>();
        var focalPoints = new List<string>();
        for (var i = 0; i < speakers; i++)
        {
            var organisationId = await factory.AddOrganisationAsync($"Member State {OrganisationSeeding.UniqueToken()}", OrganisationCategory.MemberState);
            var delegation = await factory.AddDelegationAsync(sessionId, organisationId, Capacity.Member, RegistrationStatus.Approved, [DelegationBuilders.Nominee("Amina", "Mohammed")]);
            if (withFocalPoints)
            {
                focalPoints.Add((await factory.AddFocalPointAsync(organisationId)).Email!);
            }

            delegations.Add((delegation.Id, organisationId));
        }

        var (listId, inscriptionIds) = await factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SessionsDbContext>();
            var itemId = await db.AgendaItems.Where(a => a.SessionId == sessionId).Select(a => a.Id).SingleAsync();
            var list = new SpeakersList(sessionId, itemId, null, now.AddDays(-1));
            list.SetAboutToBeCalledNotice(notifyWhenSpeakersAhead, now.AddDays(-1));
            var inscriptions = delegations.Select((d, index) => list.Inscribe(
                new InscriptionRequest(d.DelegationId, Capacity.Member, InscriptionKind.Statement, LevelOfRepresentation.Other), now.AddHours(-1).AddMinutes(index))).ToList();
            db.SpeakersLists.Add(list);
            await db.SaveChangesAsync();
            return (list.Id, inscriptions.Select(i => i.Id).ToList());
        });
        return new ConsoleList(listId, sessionId, inscriptionIds, delegations.Select(d => d.OrganisationId).ToList(), focalPoints);
    }

    /// <summary>Posts one console action as the page's form does, with the version the page shows now.</summary>
    public static Task<HttpResponseMessage> ActOnConsoleAsync(this HttpClient client, ConsoleList list, string action, object? fields = null) =>
        client.PostPageFormAsync($"{list.ConsoleUrl}/{action}", fields ?? new { }, list.ConsoleUrl);

    /// <summary>Posts one console action with a token and version read earlier: a page left open while someone else acted.</summary>
    public static Task<HttpResponseMessage> ActOnConsoleAsync(this HttpClient client, ConsoleList list, string action, (string Token, string Version) page, object? fields = null)
    {
        var all = HttpClientExtensions.ToFields(fields ?? new { }).Append(new("Version", page.Version)).Append(new("__RequestVerificationToken", page.Token));
        return client.PostAsync($"{list.ConsoleUrl}/{action}", new FormUrlEncodedContent(all));
    }

    /// <summary>The inscription ids of the console's rows, top to bottom.</summary>
    public static IReadOnlyList<int> RowsOf(string consoleHtml) =>
        ConsoleRow().Matches(consoleHtml).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>The list's version as its forms carry it.</summary>
    public static string VersionOf(string consoleHtml) => ConsoleVersion().Match(consoleHtml).Groups[1].Value;

    public static string Decoded(string html) => WebUtility.HtmlDecode(html);

    public static Task<SpeakersList> ConsoleListStateAsync(this SessionsAppFactory factory, int listId) =>
        factory.WithDbAsync(db => db.SpeakersLists.AsNoTracking().Include(l => l.Inscriptions).SingleAsync(l => l.Id == listId));

    [GeneratedRegex("<tr [^>]*data-inscription-id=\"(\\d+)\"")]
    private static partial Regex ConsoleRow();

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex ConsoleVersion();
}
