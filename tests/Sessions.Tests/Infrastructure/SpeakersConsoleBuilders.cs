using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Core.Data;
using Sessions.Core.Organisations;
using Sessions.Core.Registration;
using Sessions.Core.Sessions;
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

    /// <summary>
    /// Clicks a console button as a browser would: the button must be on the page (for <c>InscriptionId</c> in
    /// <paramref name="fields"/>, in that entry's form), and the post carries that form's own antiforgery token and version.
    /// </summary>
    public static async Task<HttpResponseMessage> ActOnConsoleAsync(this HttpClient client, ConsoleList list, string action, object? fields = null)
    {
        var html = await client.GetStringAsync(list.ConsoleUrl);
        var all = HttpClientExtensions.ToFields(fields ?? new { }).ToList();
        var inscription = all.FirstOrDefault(f => f.Key == "InscriptionId").Value;
        var form = FormBlock().Matches(html).Select(m => m.Value).FirstOrDefault(f =>
            f.Contains($"data-action=\"{action}\"", StringComparison.Ordinal)
            && (inscription is null || f.Contains($"name=\"InscriptionId\" value=\"{inscription}\"", StringComparison.Ordinal)))
            ?? throw new InvalidOperationException($"The console shows no {action} button{(inscription is null ? "" : $" for inscription {inscription}")}.");
        return await client.ActOnConsoleAsync(list, action, ReadForm(form, action), fields);
    }

    /// <summary>The token and version of the console's list-wide form (close or reopen), read now: for a post made later or by hand.</summary>
    public static async Task<(string Token, string Version)> ReadConsoleAsync(this HttpClient client, ConsoleList list)
    {
        var html = await client.GetStringAsync(list.ConsoleUrl);
        var form = FormBlock().Matches(html).Select(m => m.Value)
            .First(f => f.Contains("data-action=\"close\"", StringComparison.Ordinal) || f.Contains("data-action=\"reopen\"", StringComparison.Ordinal));
        return ReadForm(form, "close");
    }

    /// <summary>
    /// Posts one console action with a token and version read earlier: a page left open while someone else acted.
    /// Posted as confirmed, so the actions that ask first (close, withdraw) act.
    /// </summary>
    public static Task<HttpResponseMessage> ActOnConsoleAsync(this HttpClient client, ConsoleList list, string action, (string Token, string Version) page, object? fields = null)
    {
        var all = HttpClientExtensions.ToFields(fields ?? new { }).Append(new("Version", page.Version)).Append(new("__RequestVerificationToken", page.Token)).Append(HttpClientExtensions.Confirmed);
        return client.PostAsync($"{list.ConsoleUrl}/{action}", new FormUrlEncodedContent(all));
    }

    private static (string Token, string Version) ReadForm(string form, string action)
    {
        var token = FormToken().Match(form);
        var version = ConsoleVersion().Match(form);
        if (!token.Success || !version.Success)
        {
            throw new InvalidOperationException($"The {action} form carries no antiforgery token or no version:\n{form}");
        }

        return (WebUtility.HtmlDecode(token.Groups[1].Value), version.Groups[1].Value);
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

    [GeneratedRegex("<form\\b[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormBlock();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("name=\"Version\" value=\"([^\"]+)\"")]
    private static partial Regex ConsoleVersion();
}
